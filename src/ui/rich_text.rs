//! Catalogue text with `backticked` commands shown as code. Always text nodes: never HTML.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: AttrValue,
}

#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    let parts = props.text.split('`').enumerate().map(|(i, part)| {
        if i % 2 == 1 {
            html! { <code>{ part.to_owned() }</code> }
        } else {
            html! { { part.to_owned() } }
        }
    });
    html! { <>{ for parts }</> }
}
