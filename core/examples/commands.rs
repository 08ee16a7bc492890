//! Print every command the page offers to copy, one a line: where it is, a tab, the command
//! (its `{name}`, `{server}`… not filled in). `cargo run -p acr-doctor-core --example commands`
use acr_doctor_core::commands::offered;

fn main() {
    for o in offered() {
        println!("{}\t{}", o.place, o.template);
    }
}
