//! The floor the journal app's start-up time and memory are measured against
//! (`scripts/bench-app.mjs`): a Tauri app with one window showing one line of static HTML, no
//! commands, no plugins, no journal. Whatever the journal app takes beyond this is its own.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the window opens");
}
