fn main() {
    acr_doctor::browser::install_panic_page();
    yew::Renderer::<acr_doctor::App>::new().render();
    acr_doctor::browser::register_service_worker();
}
