//! What a tie means: the vocabulary of tie kinds and the table of which families they may join.

use std::sync::OnceLock;

use serde::Serialize;

use super::Family;
use super::lang::{self, Lang, Term};
use super::style::{Arrowhead, LineStyle, TieStyle};

/// Which (from family, to family) pairs a tie kind accepts: rows are the `from` family, columns
/// the `to` family, both in [`Family::ALL`] order (organisation, line unit, post, body).
type Matrix = [[bool; 4]; 4];

const O: bool = true;
const X: bool = false;

const ANY: Matrix = [[O; 4]; 4];
/// Hierarchical ties: anything may sit under an organisation, a line unit or a post; only posts
/// and bodies sit under a body (a body's secretary post, a committee's sub-group).
const HIERARCHY: Matrix = [
    //  org line post body
    [O, O, O, X], // organisation
    [O, O, O, X], // line unit
    [O, O, O, O], // post
    [O, O, O, O], // body
];
/// A post heads an organisation or a line unit; a body has a chair instead ([`TieKind::Chair`]).
const HEAD: Matrix = [[X, X, X, X], [X, X, X, X], [O, O, X, X], [X, X, X, X]];
/// Following the work of an organisation, a unit or a body, by anyone but a body.
const FOLLOW: Matrix = [[O, O, X, O], [O, O, X, O], [O, O, X, O], [X, X, X, X]];
/// Line authority is exercised by organisations, line units and posts, never by a body.
const AUTHORITY: Matrix = [[O, O, O, X], [O, O, O, X], [O, O, O, X], [O, O, O, X]];
/// Ties that only a body can receive (its secretariat, its members), given by anyone but a body.
const TO_BODY: Matrix = [[X, X, X, O], [X, X, X, O], [X, X, X, O], [X, X, X, X]];
/// Steering a body, a unit or an organisation, by an organisation, a unit or a post.
const STEER: Matrix = [[O, O, X, O], [O, O, X, O], [O, O, X, O], [X, X, X, X]];
/// A unit or a post acting as the contact of another organisation, unit or body.
const CORRESPONDENT: Matrix = [[X, X, X, X], [O, O, X, O], [O, O, X, O], [X, X, X, X]];
/// Staff lent by an organisation or a unit to another organisation or unit.
const SECONDMENT: Matrix = [[O, O, X, X], [O, O, X, X], [X, X, X, X], [X, X, X, X]];
/// Recruiting and employing authorities: exercised over a post.
const OVER_POST: Matrix = [[X, X, O, X], [X, X, O, X], [X, X, O, X], [X, X, X, X]];
/// Orientations set for an organisation or a unit, by anyone.
const ORIENT: Matrix = [[O, O, X, X], [O, O, X, X], [O, O, X, X], [O, O, X, X]];
/// One thing replacing another of a comparable family.
const SUCCESSION: Matrix = [[O, O, X, X], [O, O, X, X], [X, X, O, X], [X, X, X, O]];

macro_rules! tie_kinds {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, $verb:literal, $inverse:literal,
        fr: $fr:literal $(| $also:literal)*, $fr_verb:literal, $fr_inverse:literal,
        label: $label:literal, $fr_label:literal,
        hierarchical: $hier:literal, symmetric: $sym:literal, $matrix:ident,
        chart: $line:ident $colour:literal $arrowhead:ident, constrains: $constrains:literal; )*) => {
        /// The kind of a tie. A tie reads "`from` *verb* `to`": `{"kind": "attachment", "from":
        /// "dsj", "to": "justice"}` reads "DSJ is attached to the Ministry of Justice". Written in
        /// English or in French (`"kind": "rattachement"`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        #[non_exhaustive]
        pub enum TieKind {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl TieKind {
            /// Every tie kind, in the order they are documented.
            pub const ALL: &'static [TieKind] = &[$(TieKind::$variant),*];

            /// The kind's name as organigram writes it in descriptions, in English.
            pub const fn as_str(self) -> &'static str {
                match self { $(TieKind::$variant => $name,)* }
            }

            /// The kind's French name, which descriptions may write instead (`rattachement`).
            pub const fn french_name(self) -> &'static str {
                match self { $(TieKind::$variant => $fr,)* }
            }

            /// The kind's name as descriptions write it in a language: [`Self::as_str`] in
            /// English, [`Self::french_name`] in French (`rattachement`).
            pub const fn name_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => self.as_str(),
                    Lang::Fr => self.french_name(),
                }
            }

            /// Other French names read as the kind (`dirige` for a head).
            pub const fn other_names(self) -> &'static [&'static str] {
                match self { $(TieKind::$variant => &[$($also),*],)* }
            }

            /// A short label in a language, for chart legends and the labels of ties:
            /// "functional reporting", "lien fonctionnel".
            pub const fn label_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self { $(TieKind::$variant => $label,)* },
                    Lang::Fr => match self { $(TieKind::$variant => $fr_label,)* },
                }
            }

            /// How the tie reads from its `from` end, in a language.
            pub const fn verb_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => self.verb(),
                    Lang::Fr => match self { $(TieKind::$variant => $fr_verb,)* },
                }
            }

            /// How the tie reads from its `to` end, in a language.
            pub const fn inverse_verb_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => self.inverse_verb(),
                    Lang::Fr => match self { $(TieKind::$variant => $fr_inverse,)* },
                }
            }

            /// How the tie reads from its `from` end: "DSJ *is attached to* the ministry".
            pub const fn verb(self) -> &'static str {
                match self { $(TieKind::$variant => $verb,)* }
            }

            /// How the tie reads from its `to` end: "the ministry *has attached* DSJ".
            pub const fn inverse_verb(self) -> &'static str {
                match self { $(TieKind::$variant => $inverse,)* }
            }

            /// Whether the tie places `from` under `to` in the hierarchy (chain of command,
            /// subordinates, orphans).
            pub const fn is_hierarchical(self) -> bool {
                match self { $(TieKind::$variant => $hier,)* }
            }

            /// Whether "A kind B" says the same as "B kind A".
            pub const fn is_symmetric(self) -> bool {
                match self { $(TieKind::$variant => $sym,)* }
            }

            /// The kind's definition, from its documentation.
            pub const fn description(self) -> &'static str {
                match self { $(TieKind::$variant => concat!($($doc),*).trim_ascii(),)* }
            }

            /// How ties of the kind are drawn in charts.
            pub const fn style(self) -> TieStyle {
                match self {
                    $(TieKind::$variant => TieStyle {
                        line: LineStyle::$line,
                        colour: $colour,
                        arrowhead: Arrowhead::$arrowhead,
                        constrains: $constrains,
                    },)*
                }
            }

            const fn matrix(self) -> &'static Matrix {
                match self { $(TieKind::$variant => &$matrix,)* }
            }
        }
    };
}

tie_kinds! {
    /// Formal hierarchical attachment (rattaché à): `from` belongs to `to`.
    Attachment => "attachment", "is attached to", "has attached",
        fr: "rattachement", "est rattaché à", "a pour rattaché",
        label: "attachment", "rattachement",
        hierarchical: true, symmetric: false, HIERARCHY,
        chart: Solid "#4D4D4D" None, constrains: true;
    /// Line authority (placé sous l'autorité de): `to` is `from`'s line manager. It can differ
    /// from the attachment.
    LineAuthority => "line-authority", "is under the authority of", "has authority over",
        fr: "autorité-hiérarchique", "est placé sous l’autorité de", "a autorité sur",
        label: "line authority", "autorité hiérarchique",
        hierarchical: true, symmetric: false, AUTHORITY,
        chart: Bold "#0072B2" Normal, constrains: true;
    /// One of several attachments of a unit that has two or more parents at once (direction
    /// commune à A et B). Not an error, unlike two plain attachments.
    JointAttachment => "joint-attachment", "is jointly attached to", "has jointly attached",
        fr: "rattachement-conjoint", "est rattaché conjointement à", "a pour rattaché conjoint",
        label: "joint attachment", "rattachement conjoint",
        hierarchical: true, symmetric: false, HIERARCHY,
        chart: Solid "#4D4D4D" EmptyDiamond, constrains: true;
    /// Head (dirige, à la tête de, responsable de; W3C ORG's `headOf`): the post `from` heads the
    /// unit `to`, and sits in it. The posts of a unit answer to its head, and its head to the head
    /// of the unit above.
    Head => "head", "heads", "is headed by",
        fr: "dirige" | "à-la-tête-de" | "responsable-de", "dirige", "est dirigé par",
        label: "head", "direction",
        hierarchical: true, symmetric: false, HEAD,
        chart: Bold "#E69F00" Dot, constrains: true;
    /// Functional or dotted-line reporting: `from` reports to `to` on a subject, outside the line.
    FunctionalReporting => "functional-reporting", "reports functionally to", "receives functional reports from",
        fr: "lien-fonctionnel" | "rattachement-fonctionnel", "rend compte fonctionnellement à", "reçoit les comptes rendus fonctionnels de",
        label: "functional reporting", "lien fonctionnel",
        hierarchical: false, symmetric: false, ANY,
        chart: Dashed "#0072B2" Normal, constrains: false;
    /// Cooperation (en lien avec, en coopération avec, synergie): the two work together, no
    /// hierarchy implied.
    Cooperation => "cooperation", "cooperates with", "cooperates with",
        fr: "coopération" | "en-lien-avec", "coopère avec", "coopère avec",
        label: "cooperation", "coopération",
        hierarchical: false, symmetric: true, ANY,
        chart: Dashed "#E69F00" None, constrains: false;
    /// Coordination: `from` coordinates the work of `to` on a subject without line authority.
    Coordination => "coordination", "coordinates", "is coordinated by",
        fr: "coordination", "coordonne", "est coordonné par",
        label: "coordination", "coordination",
        hierarchical: false, symmetric: false, ANY,
        chart: Dashed "#009E73" Vee, constrains: false;
    /// Secretariat (assure le secrétariat de): `from` runs the secretariat of the body `to`.
    Secretariat => "secretariat", "runs the secretariat of", "has its secretariat run by",
        fr: "secrétariat", "assure le secrétariat de", "a pour secrétariat",
        label: "secretariat", "secrétariat",
        hierarchical: false, symmetric: false, TO_BODY,
        chart: Dotted "#CC79A7" Dot, constrains: false;
    /// Chair (préside, pilote l'instance): `from` chairs the body `to`, whose members it convenes;
    /// unlike a head, the chair stays in its own unit.
    Chair => "chair", "chairs", "is chaired by",
        fr: "présidence" | "préside", "préside", "est présidé par",
        label: "chair", "présidence",
        hierarchical: false, symmetric: false, TO_BODY,
        chart: Bold "#CC79A7" Vee, constrains: false;
    /// Co-steering (co-pilotage): `from` is one of several parties steering `to`.
    CoSteering => "co-steering", "co-steers", "is co-steered by",
        fr: "co-pilotage", "co-pilote", "est co-piloté par",
        label: "co-steering", "co-pilotage",
        hierarchical: false, symmetric: false, STEER,
        chart: Dashed "#CC79A7" EmptyDiamond, constrains: true;
    /// Membership: `from` sits in the body `to`.
    Membership => "membership", "is a member of", "has as a member",
        fr: "appartenance" | "membre-de", "est membre de", "a pour membre",
        label: "membership", "appartenance",
        hierarchical: false, symmetric: false, TO_BODY,
        chart: Dotted "#CC79A7" EmptyDot, constrains: false;
    /// Correspondent (correspondant de): `from` is the named contact of `to` inside its own
    /// organisation.
    Correspondent => "correspondent", "is the correspondent of", "has as its correspondent",
        fr: "correspondant", "est le correspondant de", "a pour correspondant",
        label: "correspondent", "correspondant",
        hierarchical: false, symmetric: false, CORRESPONDENT,
        chart: Dashed "#56B4E9" Dot, constrains: false;
    /// Representation (représente … auprès de): `from` represents its organisation in `to`.
    Representation => "representation", "represents its organisation in", "has as a representative",
        fr: "représentation", "représente son organisation auprès de", "a pour représentant",
        label: "representation", "représentation",
        hierarchical: false, symmetric: false, STEER,
        chart: Dotted "#CC79A7" EmptyDiamond, constrains: false;
    /// Follow-up (suivi des travaux): `from` follows the work of `to` (a standards body, an
    /// international organisation) without sitting in it.
    FollowUp => "follow-up", "follows the work of", "has its work followed by",
        fr: "suivi" | "suivi-des-travaux", "suit les travaux de", "a ses travaux suivis par",
        label: "follow-up", "suivi",
        hierarchical: false, symmetric: false, FOLLOW,
        chart: Dotted "#56B4E9" Empty, constrains: false;
    /// Secondment (mise à disposition): `from` lends staff or resources to `to`.
    Secondment => "secondment", "lends staff to", "receives staff from",
        fr: "mise-à-disposition", "met des personnels à disposition de", "reçoit des personnels mis à disposition par",
        label: "secondment", "mise à disposition",
        hierarchical: false, symmetric: false, SECONDMENT,
        chart: Dashed "#009E73" EmptyDot, constrains: false;
    /// Recruiting authority (autorité de recrutement): `from` recruits the holder of the post `to`.
    RecruitingAuthority => "recruiting-authority", "is the recruiting authority for", "is recruited by",
        fr: "autorité-de-recrutement", "est l’autorité de recrutement de", "est recruté par",
        label: "recruiting authority", "autorité de recrutement",
        hierarchical: false, symmetric: false, OVER_POST,
        chart: Dotted "#D55E00" Normal, constrains: false;
    /// Employing authority (autorité d'emploi): `from` employs the holder of the post `to`.
    EmployingAuthority => "employing-authority", "is the employing authority for", "is employed by",
        fr: "autorité-d-emploi", "est l’autorité d’emploi de", "est employé par",
        label: "employing authority", "autorité d’emploi",
        hierarchical: false, symmetric: false, OVER_POST,
        chart: Dashed "#D55E00" Empty, constrains: false;
    /// Strategic steering: `from` (typically a committee) sets the orientations of `to`.
    StrategicSteering => "strategic-steering", "sets the orientations of", "has its orientations set by",
        fr: "pilotage-stratégique", "fixe les orientations de", "reçoit ses orientations de",
        label: "strategic steering", "pilotage stratégique",
        hierarchical: false, symmetric: false, ORIENT,
        chart: Solid "#CC79A7" Normal, constrains: true;
    /// Advice: `from` advises `to` (a data protection officer, an observatory).
    Advice => "advice", "advises", "is advised by",
        fr: "conseil" | "avis", "conseille", "est conseillé par",
        label: "advice", "conseil",
        hierarchical: false, symmetric: false, ANY,
        chart: Dotted "#56B4E9" Vee, constrains: false;
    /// Succession: `from` replaced `to` (DINUM succeeded DINSIC).
    Succession => "succession", "succeeded", "was succeeded by",
        fr: "succession", "a succédé à", "a eu pour successeur",
        label: "succession", "succession",
        hierarchical: false, symmetric: false, SUCCESSION,
        chart: Solid "#7F7F7F" Empty, constrains: false;
}

impl TieKind {
    /// Whether the tie places `from` inside `to` (attachment, joint attachment, head): a
    /// hierarchical tie other than line authority, which says who manages, not where one sits.
    pub const fn is_structural(self) -> bool {
        self.is_hierarchical() && !matches!(self, TieKind::LineAuthority)
    }

    /// Whether a tie of this kind may go from a unit of family `from` to one of family `to`.
    pub const fn allows(self, from: Family, to: Family) -> bool {
        self.matrix()[from.index()][to.index()]
    }

    /// The families a tie of this kind may start from, in table order.
    pub fn allowed_from(self) -> impl Iterator<Item = Family> {
        Family::ALL
            .into_iter()
            .filter(move |f| Family::ALL.iter().any(|t| self.allows(*f, *t)))
    }

    /// The families a tie of this kind may end at, given where it starts.
    pub fn allowed_to(self, from: Family) -> impl Iterator<Item = Family> {
        Family::ALL
            .into_iter()
            .filter(move |t| self.allows(from, *t))
    }

    /// The properties of the W3C Organization Ontology (`org:`) that state a tie of this kind
    /// from a unit of family `from` to one of family `to`, most specific first; the others are its
    /// super-properties, stated too so that queries need no inference. A hierarchical tie places
    /// a post in its unit (`postIn`), a line unit in its organisation (`unitOf`), an organisation
    /// or a unit under another (`subOrganizationOf`), anything under a post (`reportsTo`); line
    /// authority is `reportsTo`; a head is `headOf` the unit it sits in (`postIn`); every other
    /// kind is an `org:linkedTo`.
    pub const fn org_properties(self, from: Family, to: Family) -> &'static [&'static str] {
        match self {
            TieKind::LineAuthority => &["reportsTo"],
            TieKind::Head => &["headOf", "postIn"],
            _ if !self.is_hierarchical() => &["linkedTo"],
            _ => match (from, to) {
                (_, Family::Post) => &["reportsTo"],
                (Family::Post, _) => &["postIn"],
                (Family::LineUnit, Family::Organisation) => &["unitOf", "subOrganizationOf"],
                _ => &["subOrganizationOf"],
            },
        }
    }
}

super::display_as_name!(TieKind);
super::term!(TieKind, "a tie kind");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cooperation_is_symmetric() {
        let symmetric: Vec<_> = TieKind::ALL.iter().filter(|k| k.is_symmetric()).collect();
        assert_eq!(symmetric, [&TieKind::Cooperation]);
    }

    #[test]
    fn hierarchy_is_attachment_authority_and_joint_attachment() {
        let hierarchical: Vec<_> = TieKind::ALL
            .iter()
            .filter(|k| k.is_hierarchical())
            .collect();
        assert_eq!(
            hierarchical,
            [
                &TieKind::Attachment,
                &TieKind::LineAuthority,
                &TieKind::JointAttachment,
                &TieKind::Head,
            ]
        );
    }

    #[test]
    fn validity_table_reads_as_documented() {
        assert!(TieKind::Secretariat.allows(Family::LineUnit, Family::Body));
        assert!(!TieKind::Secretariat.allows(Family::LineUnit, Family::LineUnit));
        assert!(TieKind::RecruitingAuthority.allows(Family::Post, Family::Post));
        assert!(!TieKind::RecruitingAuthority.allows(Family::Post, Family::LineUnit));
        assert!(!TieKind::Attachment.allows(Family::LineUnit, Family::Body));
        assert!(TieKind::Cooperation.allows(Family::Body, Family::Organisation));
        assert_eq!(
            TieKind::Membership
                .allowed_to(Family::Post)
                .collect::<Vec<_>>(),
            [Family::Body]
        );
    }

    #[test]
    fn hierarchical_ties_shape_the_layout_and_chart_colours_are_hex() {
        for kind in TieKind::ALL {
            let style = kind.style();
            assert!(!kind.is_hierarchical() || style.constrains, "{kind}");
            assert!(crate::model::style::is_hex_colour(style.colour), "{kind}");
        }
    }

    #[test]
    fn hierarchical_ties_read_as_org_containment_or_reporting() {
        use Family::{LineUnit, Organisation, Post};
        let props = |kind: TieKind, from, to| kind.org_properties(from, to);
        assert_eq!(
            props(TieKind::Attachment, LineUnit, Organisation),
            ["unitOf", "subOrganizationOf"]
        );
        assert_eq!(
            props(TieKind::JointAttachment, LineUnit, LineUnit),
            ["subOrganizationOf"]
        );
        assert_eq!(props(TieKind::Attachment, Post, LineUnit), ["postIn"]);
        assert_eq!(props(TieKind::Attachment, LineUnit, Post), ["reportsTo"]);
        assert_eq!(props(TieKind::LineAuthority, Post, Post), ["reportsTo"]);
        assert_eq!(props(TieKind::Head, Post, LineUnit), ["headOf", "postIn"]);
        for kind in TieKind::ALL.iter().filter(|k| !k.is_hierarchical()) {
            assert_eq!(props(*kind, Organisation, Organisation), ["linkedTo"]);
        }
    }

    #[test]
    fn every_kind_allows_something() {
        for kind in TieKind::ALL {
            assert!(
                kind.allowed_from().next().is_some(),
                "{kind} allows nothing"
            );
        }
    }
}
