//! What can go wrong when a chart becomes a picture.

use std::fmt;
use std::io;

use super::ImageFormat;

/// Why a chart could not be drawn.
#[derive(Debug)]
#[non_exhaustive]
pub enum RenderError {
    /// The format needs Graphviz's `dot`, and it is not installed (not on the `PATH`).
    GraphvizMissing {
        /// The format asked for.
        format: ImageFormat,
    },
    /// `dot` could not be run or fed (other than not being installed).
    GraphvizIo(io::Error),
    /// The chart is past what is laid out in reasonable time and memory ([`super::Size`]), and
    /// drawing it was not asked for however long it takes.
    TooLarge {
        /// The units the chart draws.
        units: usize,
        /// The ties it draws.
        ties: usize,
        /// Whether the bound is the built-in layout's (Graphviz is not installed), lower than
        /// Graphviz's.
        built_in: bool,
    },
    /// `dot` ran and failed; what it printed on standard error.
    GraphvizFailed {
        /// How `dot` exited, as the system words it ("exit status: 1").
        status: String,
        /// Everything `dot` printed on standard error.
        stderr: String,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::GraphvizMissing { format } => write!(
                f,
                "{} output needs Graphviz's `dot`, which is not installed\n\
                 help: install Graphviz (`apt-get install graphviz`, `brew install graphviz`, \
                 `winget install graphviz`, or https://graphviz.org/download/), \
                 or ask for `--format svg`, `dot` or `mermaid`, which need no Graphviz",
                format.as_str().to_uppercase()
            ),
            RenderError::GraphvizIo(error) => write!(f, "cannot run Graphviz's `dot`: {error}"),
            RenderError::TooLarge {
                units,
                ties,
                built_in,
            } => write!(
                f,
                "this chart draws {units} units and {ties} ties, more than {} lays out in \
                 reasonable time and memory (its time grows much faster than the chart)",
                if *built_in {
                    "organigram's built-in layout, used without Graphviz,"
                } else {
                    "Graphviz"
                }
            ),
            RenderError::GraphvizFailed { status, stderr } => {
                write!(f, "Graphviz's `dot` failed ({status})")?;
                for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
                    write!(f, "\n  {line}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::GraphvizIo(error) => Some(error),
            _ => None,
        }
    }
}
