//! Entry point of the browser build (Trunk compiles this binary to wasm).

fn main() {
    atelier_nr::run();
}
