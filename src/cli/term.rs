//! The library's vocabularies as command-line values: unit kinds, tie kinds, chart views and
//! diagnostic codes are written as in descriptions and messages (`sub-directorate`,
//! `line-authority`, `orphan-unit`), `--help` lists each with its definition, and a wrong one is
//! answered with the nearest.

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use organigram::diagnostic::{Code, nearest};
use organigram::model::{Term as _, TieKind, UnitKind};
use organigram::render::View;

/// A term of one of the library's vocabularies.
pub(crate) trait Term: Copy + Send + Sync + 'static {
    /// Every term, in the order `--help` lists them.
    const ALL: &'static [Self];

    /// The term as written.
    fn name(self) -> &'static str;

    /// What it means, for `--help`.
    fn help(self) -> &'static str;

    /// Other names it may be written with (French ones).
    fn aliases(self) -> Vec<&'static str> {
        Vec::new()
    }

    /// The term `text` names.
    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.name() == text)
    }
}

impl Term for UnitKind {
    const ALL: &'static [UnitKind] = UnitKind::ALL;

    fn name(self) -> &'static str {
        self.as_str()
    }

    fn help(self) -> &'static str {
        self.description()
    }

    fn aliases(self) -> Vec<&'static str> {
        self.french_names()
            .filter(|name| *name != self.as_str())
            .collect()
    }

    fn parse(text: &str) -> Option<Self> {
        UnitKind::from_name(text)
    }
}

impl Term for TieKind {
    const ALL: &'static [TieKind] = TieKind::ALL;

    fn name(self) -> &'static str {
        self.as_str()
    }

    fn help(self) -> &'static str {
        self.description()
    }

    fn aliases(self) -> Vec<&'static str> {
        self.french_names()
            .filter(|name| *name != self.as_str())
            .collect()
    }

    fn parse(text: &str) -> Option<Self> {
        TieKind::from_name(text)
    }
}

impl Term for View {
    const ALL: &'static [View] = &View::ALL;

    fn name(self) -> &'static str {
        self.as_str()
    }

    fn help(self) -> &'static str {
        self.description()
    }
}

impl Term for Code {
    const ALL: &'static [Code] = Code::ALL;

    fn name(self) -> &'static str {
        self.as_str()
    }

    fn help(self) -> &'static str {
        self.rationale()
    }
}

/// Parses a term of `T` by name (`value_parser = Terms::<UnitKind>::new()`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Terms<T>(PhantomData<T>);

impl<T: Term> Terms<T> {
    pub(crate) const fn new() -> Terms<T> {
        Terms(PhantomData)
    }
}

impl<T: Term> TypedValueParser for Terms<T> {
    type Value = T;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        T::parse(&text).ok_or_else(|| {
            let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(command);
            if let Some(arg) = arg {
                error.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.to_string()),
                );
            }
            error.insert(
                ContextKind::InvalidValue,
                ContextValue::String(text.clone().into_owned()),
            );
            let names = T::ALL.iter().map(|t| t.name());
            error.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(names.clone().map(str::to_owned).collect()),
            );
            if let Some(near) = nearest(&text, names) {
                error.insert(
                    ContextKind::SuggestedValue,
                    ContextValue::String(near.to_owned()),
                );
            }
            error
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(T::ALL.iter().map(|t| {
            PossibleValue::new(t.name())
                .help(t.help())
                .aliases(t.aliases())
        })))
    }
}

/// A count given on the command line, from `min` to `max`: every count is bounded, so that none
/// asks for work or memory without end (`path --all --max 4294967295`), and the message says
/// the bounds.
pub(crate) fn count(
    min: usize,
    max: usize,
) -> impl Fn(&str) -> Result<usize, String> + Clone + Send + Sync + 'static {
    move |text| {
        let n: usize = text
            .trim()
            .parse()
            .map_err(|_| format!("{text:?} is not a whole number"))?;
        if (min..=max).contains(&n) {
            Ok(n)
        } else {
            Err(format!("{n} is not from {min} to {max}"))
        }
    }
}

/// `--unit-kind KIND,…`: only units of these kinds. Commands give it their own help and, where
/// they had one, an older spelling (`subordinates --kind`).
#[derive(Clone, Debug, Default, clap::Args)]
pub(crate) struct UnitKinds {
    /// Only units of these kinds (repeat, or separate with commas).
    #[arg(
        long = "unit-kind",
        value_name = "KIND",
        value_delimiter = ',',
        value_parser = Terms::<UnitKind>::new()
    )]
    unit_kinds: Vec<UnitKind>,
}

/// `--tie-kind KIND,…`: only ties of these kinds, as [`UnitKinds`] for units.
#[derive(Clone, Debug, Default, clap::Args)]
pub(crate) struct TieKinds {
    /// Only ties of these kinds (repeat, or separate with commas).
    #[arg(
        long = "tie-kind",
        value_name = "TIE_KIND",
        value_delimiter = ',',
        value_parser = Terms::<TieKind>::new()
    )]
    tie_kinds: Vec<TieKind>,
}

impl UnitKinds {
    /// The kinds chosen, or `None` for every kind.
    pub(crate) fn chosen(&self) -> Option<Vec<UnitKind>> {
        (!self.unit_kinds.is_empty()).then(|| self.unit_kinds.clone())
    }
}

impl TieKinds {
    /// The kinds chosen, or `None` for every kind.
    pub(crate) fn chosen(&self) -> Option<Vec<TieKind>> {
        (!self.tie_kinds.is_empty()).then(|| self.tie_kinds.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_parse_by_name_and_a_typo_gets_the_nearest() {
        let command = clap::Command::new("organigram").arg(
            clap::Arg::new("kind")
                .long("kind")
                .value_parser(Terms::<TieKind>::new()),
        );
        let parse = |text: &str| {
            command
                .clone()
                .try_get_matches_from(["organigram", "--kind", text])
                .map(|m| *m.get_one::<TieKind>("kind").unwrap())
        };
        assert_eq!(parse("line-authority").unwrap(), TieKind::LineAuthority);
        let error = parse("line-autority").unwrap_err().to_string();
        assert!(
            error.contains("invalid value 'line-autority' for '--kind <kind>'"),
            "{error}"
        );
        assert!(
            error.contains("a similar value exists: 'line-authority'"),
            "{error}"
        );
        let values: Vec<String> = Terms::<UnitKind>::new()
            .possible_values()
            .unwrap()
            .map(|v| v.get_name().to_owned())
            .collect();
        assert_eq!(values.len(), UnitKind::ALL.len());
        assert_eq!(values[0], UnitKind::ALL[0].as_str());
    }
}
