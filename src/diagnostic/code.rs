//! The stable codes of diagnostics, each with its default severity and the reason it exists.

use serde::Serialize;

use super::Severity;

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, $severity:ident; )*) => {
        /// A stable code naming a kind of problem (`unknown-unit`). Codes never change meaning;
        /// scripts and `--allow` lists may rely on them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in the order they are documented.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as written in messages and in `--allow`, `--warn` and `--deny`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// How serious the problem is unless levels say otherwise.
            pub const fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// Why the problem matters, in a sentence.
            pub const fn rationale(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc),*).trim_ascii(),)* }
            }

            /// The code named `name`, if there is one.
            pub fn from_name(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.as_str() == name)
            }
        }
    };
}

codes! {
    /// A file or folder of the description cannot be read, so what it describes is missing.
    Io => "io", Error;
    /// A description file is not valid UTF-8 text, so it cannot be read as JSON.
    InvalidUtf8 => "invalid-utf8", Error;
    /// A description file is larger than the limit, which protects against reading runaway files.
    FileTooLarge => "file-too-large", Error;
    /// A description file is not valid JSON.
    Syntax => "syntax", Error;
    /// JSON nests deeper than the limit; no real description does, and deep nesting can exhaust
    /// the stack.
    TooDeep => "too-deep", Error;
    /// A field the format does not know: usually a typo, which would otherwise silently lose data.
    UnknownField => "unknown-field", Error;
    /// A value outside its vocabulary (a unit kind, a tie kind, a status).
    UnknownValue => "unknown-value", Error;
    /// A required field is absent.
    MissingField => "missing-field", Error;
    /// The same key twice in one JSON object: one of the two values would be silently lost.
    DuplicateKey => "duplicate-key", Error;
    /// A value of the wrong type or shape (a number for a name, an id that is not a slug, an
    /// impossible date).
    InvalidValue => "invalid-value", Error;
    /// Two units, sources or organisations share an id, so every reference to it is ambiguous.
    DuplicateId => "duplicate-id", Error;
    /// A tie names a unit that is declared nowhere in the description.
    UnknownUnit => "unknown-unit", Error;
    /// A citation names a source that is declared nowhere in the description.
    UnknownSource => "unknown-source", Error;
    /// A tie joins two kinds of unit it cannot join (a unit attached to a committee, a secretariat
    /// run for a directorate); the validity table in `model::TieKind` says what may join what.
    TieNotAllowed => "tie-not-allowed", Error;
    /// An attribute given to a unit of a kind it does not apply to (a vacant directorate).
    AttributeNotAllowed => "attribute-not-allowed", Error;
    /// A folder given as a description holds no description file.
    EmptyDescription => "empty-description", Error;
    /// A unit with no hierarchical parent that declares no `boundary` hangs outside every chain of
    /// command: nobody is known to answer for it, nor for the units under it.
    OrphanUnit => "orphan-unit", Error;
    /// Units placed under each other in a circle have no top: no chain of command can be read
    /// from them.
    HierarchyCycle => "hierarchy-cycle", Error;
    /// A tie from a unit to itself states nothing and is usually a wrong id.
    SelfTie => "self-tie", Error;
    /// A unit attached to several units without saying it is jointly attached (`joint-attachment`)
    /// has no clear place in the hierarchy; line authority over it is another tie, and is fine.
    MultipleAttachments => "multiple-attachments", Error;
    /// A unit headed by two posts at once has no single line of posts: the tie of a head who
    /// left usually lacks its `valid_until`.
    TwoHeads => "two-heads", Error;
    /// A head sits in the unit it heads; a head attached to another unit is placed in two units,
    /// and the line of posts cannot tell which.
    HeadOutsideUnit => "head-outside-unit", Error;
    /// Two units of one organisation with the same kind and the same name or acronym are probably
    /// one unit declared twice, which splits its ties between two ids.
    DuplicateUnit => "duplicate-unit", Warning;
    /// A post is a position in a unit; a post at the top of a hierarchy belongs to no unit, and
    /// neither do the posts under it: the unit is usually missing from the description.
    PostWithoutUnit => "post-without-unit", Warning;
    /// A body (observatory, committee, board) meets through a secretariat; with none described,
    /// nobody is known to convene it or keep its records.
    BodyWithoutSecretariat => "body-without-secretariat", Warning;
    /// A body with no members described (`membership` or `representation` ties) has nobody known
    /// to sit in it.
    BodyWithoutMembers => "body-without-members", Warning;
    /// A unit with no tie at all is cut off from the rest of the description: a tie is usually
    /// missing.
    IsolatedUnit => "isolated-unit", Warning;
    /// A unit or post with more direct reports than the threshold (`check --max-span`, default 15)
    /// is hard to manage, and often hides a missing intermediate level.
    WideSpan => "wide-span", Warning;
    /// A tie to or from a unit that was succeeded or dissolved, with no `valid_until`, describes a
    /// past state as current; it usually belongs to the successor now.
    OutdatedTie => "outdated-tie", Warning;
    /// A post under the line authority of a post in no unit above its own: the heads say it
    /// answers to someone else, and one of the two is usually out of date or misplaced.
    AuthorityAgainstHeads => "authority-against-heads", Warning;
    /// A tie stated twice (a symmetric tie stated in both directions counts) is counted twice by
    /// every query and drawn twice in charts.
    DuplicateTie => "duplicate-tie", Warning;
    /// A unit or tie with no source cannot be verified: every fact should point back to the
    /// document that states it. An error with `check --strict`.
    MissingSource => "missing-source", Warning;
    /// A vacant post is a position nobody holds: worth knowing when reading a chain of command.
    VacantPost => "vacant-post", Note;
    /// A proposal that contradicts itself or the description (a change to a unit an earlier change
    /// removed, an id that already exists, a unit merged into itself) cannot be applied.
    ProposalConflict => "proposal-conflict", Error;
    /// A proposal removes or reassigns a tie that the description does not have.
    UnknownTie => "unknown-tie", Error;
}

impl Code {
    /// Whether the code means that input could not be read at all (a file missing, not UTF-8, not
    /// JSON, too large or too deep, an empty folder), rather than that what was read describes a
    /// broken structure. `check` exits with 2 for the first kind and 1 for the second.
    pub const fn is_input(self) -> bool {
        matches!(
            self,
            Code::Io
                | Code::InvalidUtf8
                | Code::FileTooLarge
                | Code::Syntax
                | Code::TooDeep
                | Code::EmptyDescription
        )
    }
}

crate::model::display_as_name!(Code);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_explained() {
        for (i, a) in Code::ALL.iter().enumerate() {
            assert!(!a.rationale().is_empty());
            assert_eq!(Code::from_name(a.as_str()), Some(*a));
            for b in &Code::ALL[i + 1..] {
                assert_ne!(a.as_str(), b.as_str());
            }
        }
    }
}
