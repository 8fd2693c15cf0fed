//! Whether DOT renders with Graphviz's real `dot`, with no warning: one check for the unit tests
//! (`src/render/tests.rs` includes this file), the CLI tests and the property tests.

use organigram::render::{ImageFormat, RenderError, graphviz};

/// Where Graphviz must be installed: on CI (`CI=true`), where `.ci/run` installs it.
pub fn graphviz_required() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

/// Runs DOT through `dot`: `Ok` when it renders with no warning, or when Graphviz is missing and
/// not `required` (a note is printed: the DOT went unchecked); otherwise why not, with the DOT.
pub fn dot_renders(dot: &str, required: bool) -> Result<(), String> {
    match graphviz(dot, ImageFormat::Svg) {
        Ok(image) if image.warnings.is_empty() => Ok(()),
        Ok(image) => Err(format!("Graphviz warned: {:?}\n{dot}", image.warnings)),
        Err(RenderError::GraphvizMissing { .. }) if !required => {
            eprintln!("Graphviz is not installed: DOT not checked by `dot`");
            Ok(())
        }
        Err(error) => Err(format!("{error}\n{dot}")),
    }
}
