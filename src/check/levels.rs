//! Severities as a run asks for them: `--allow`, `--warn`, `--deny CODE`, `--deny warnings` and
//! `--strict`.

use std::collections::HashMap;
use std::fmt;

use crate::diagnostic::{Code, Diagnostic, Severity};

/// What a run makes of one code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Not shown, not counted.
    Allow,
    /// Shown as a warning.
    Warn,
    /// Shown as an error.
    Deny,
}

impl Level {
    /// The option that asks for the level, for messages.
    pub const fn option(self) -> &'static str {
        match self {
            Level::Allow => "--allow",
            Level::Warn => "--warn",
            Level::Deny => "--deny",
        }
    }
}

/// Why severities cannot be adjusted as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelError {
    /// One code given two different levels.
    Conflict(Code, Level, Level),
    /// A code that means input could not be read; it always stops the run.
    Input(Code),
}

impl fmt::Display for LevelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LevelError::Conflict(code, a, b) => write!(
                f,
                "`{code}` is given to both {} and {}: keep one",
                a.option(),
                b.option()
            ),
            LevelError::Input(code) => write!(
                f,
                "`{code}` cannot be adjusted: it means the description cannot be read"
            ),
        }
    }
}

impl std::error::Error for LevelError {}

/// The severity adjustments of a run. A level given to a code wins over `deny_warnings` and
/// `strict`; `strict` makes `missing-source` an error; `deny_warnings` makes every remaining
/// warning an error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    strict: bool,
    deny_warnings: bool,
    codes: HashMap<Code, Level>,
}

impl Levels {
    /// Levels from the options of a run; a code given two levels, or an input code, is refused.
    pub fn new(
        strict: bool,
        deny_warnings: bool,
        codes: impl IntoIterator<Item = (Code, Level)>,
    ) -> Result<Levels, LevelError> {
        let mut levels = Levels {
            strict,
            deny_warnings,
            codes: HashMap::new(),
        };
        for (code, level) in codes {
            if code.is_input() {
                return Err(LevelError::Input(code));
            }
            match levels.codes.insert(code, level) {
                Some(before) if before != level => {
                    return Err(LevelError::Conflict(code, before, level));
                }
                _ => {}
            }
        }
        Ok(levels)
    }

    /// The diagnostic at the severity asked for, or `None` when its code is allowed.
    pub fn adjust(&self, mut diagnostic: Diagnostic) -> Option<Diagnostic> {
        diagnostic.severity = match self.codes.get(&diagnostic.code) {
            Some(Level::Allow) => return None,
            Some(Level::Warn) => Severity::Warning,
            Some(Level::Deny) => Severity::Error,
            None if self.strict && diagnostic.code == Code::MissingSource => Severity::Error,
            None if self.deny_warnings && diagnostic.severity == Severity::Warning => {
                Severity::Error
            }
            None => diagnostic.severity,
        };
        Some(diagnostic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn severity(levels: &Levels, code: Code) -> Option<Severity> {
        levels
            .adjust(Diagnostic::new(code, "m"))
            .map(|d| d.severity)
    }

    #[test]
    fn a_level_given_to_a_code_wins() {
        let levels = Levels::new(
            true,
            true,
            [
                (Code::WideSpan, Level::Warn),
                (Code::OrphanUnit, Level::Allow),
                (Code::VacantPost, Level::Deny),
            ],
        )
        .unwrap();
        assert_eq!(severity(&levels, Code::WideSpan), Some(Severity::Warning));
        assert_eq!(severity(&levels, Code::OrphanUnit), None);
        assert_eq!(severity(&levels, Code::VacantPost), Some(Severity::Error));
        assert_eq!(severity(&levels, Code::DuplicateTie), Some(Severity::Error));
        assert_eq!(
            severity(&levels, Code::MissingSource),
            Some(Severity::Error)
        );
    }

    #[test]
    fn strict_makes_missing_sources_errors_only() {
        let levels = Levels::new(true, false, []).unwrap();
        assert_eq!(
            severity(&levels, Code::MissingSource),
            Some(Severity::Error)
        );
        assert_eq!(
            severity(&levels, Code::DuplicateTie),
            Some(Severity::Warning)
        );
        assert_eq!(
            severity(&Levels::default(), Code::MissingSource),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn conflicts_and_input_codes_are_refused() {
        assert_eq!(
            Levels::new(
                false,
                false,
                [
                    (Code::WideSpan, Level::Allow),
                    (Code::WideSpan, Level::Allow),
                    (Code::WideSpan, Level::Deny),
                ],
            ),
            Err(LevelError::Conflict(
                Code::WideSpan,
                Level::Allow,
                Level::Deny
            ))
        );
        assert_eq!(
            Levels::new(false, false, [(Code::Syntax, Level::Allow)]),
            Err(LevelError::Input(Code::Syntax))
        );
    }
}
