//! The language server: descriptions and proposals checked, navigated and edited in an editor.

pub(crate) mod syntax;
