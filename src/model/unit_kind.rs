//! What a unit is: the vocabulary of unit kinds, documented in one place.

use std::sync::OnceLock;

use serde::Serialize;

use super::lang::{self, Lang, Term};
use super::style::{Border, FillPattern, Shape, UnitStyle};

/// The four families of unit kinds. The validity table of ties ([`super::TieKind::allows`]) is
/// written per family, because what may join what depends on the family, not on the exact kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Family {
    /// A whole organisation or public body with its own existence: a ministry, an agency, a court.
    Organisation,
    /// A line unit inside an organisation: from a secretariat general down to a team.
    LineUnit,
    /// One position, filled or vacant.
    Post,
    /// A collegial body that meets, advises or steers: observatory, committee, board.
    Body,
}

impl Family {
    /// Every family, in the order of the validity table's rows and columns.
    pub const ALL: [Family; 4] = [
        Family::Organisation,
        Family::LineUnit,
        Family::Post,
        Family::Body,
    ];

    /// The family's position in the validity table.
    pub(crate) const fn index(self) -> usize {
        match self {
            Family::Organisation => 0,
            Family::LineUnit => 1,
            Family::Post => 2,
            Family::Body => 3,
        }
    }

    /// The family's name as written in messages and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Family::Organisation => "organisation",
            Family::LineUnit => "line-unit",
            Family::Post => "post",
            Family::Body => "body",
        }
    }

    /// The family's name in a language: `line-unit` (as [`Family::as_str`] writes it in
    /// English), `unité administrative`.
    pub const fn label_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.as_str(),
            Lang::Fr => match self {
                Family::Organisation => "organisme",
                Family::LineUnit => "unité administrative",
                Family::Post => "poste",
                Family::Body => "instance collégiale",
            },
        }
    }

    /// The family's hue in charts (`#rrggbb`, from Okabe and Ito's colour-blind-safe palette):
    /// the outline of its units.
    pub const fn stroke(self) -> &'static str {
        match self {
            Family::Organisation => "#0072B2",
            Family::LineUnit => "#009E73",
            Family::Post => "#E69F00",
            Family::Body => "#CC79A7",
        }
    }

    /// The fill of the family's units in charts (`#rrggbb`): a tint of its hue (of Okabe and
    /// Ito's sky blue for organisations), chosen so that the four stay apart in every common
    /// colour vision and dark text reads on each (checked by the tests of `model/palette.rs`).
    pub const fn fill(self) -> &'static str {
        match self {
            Family::Organisation => "#A6D8F3",
            Family::LineUnit => "#D9F0EA",
            Family::Post => "#F9E9C6",
            Family::Body => "#DBA1C1",
        }
    }

    /// The class of the W3C Organization Ontology (`org:`) its units belong to, for linked-data
    /// exports: a body (a committee, an observatory) is an `org:Organization` that is not formally
    /// recognised in law, unlike an organisation.
    pub const fn org_class(self) -> &'static str {
        match self {
            Family::Organisation => "FormalOrganization",
            Family::LineUnit => "OrganizationalUnit",
            Family::Post => "Post",
            Family::Body => "Organization",
        }
    }
}

macro_rules! unit_kinds {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, $family:ident, $label:literal,
        fr: $fr:literal $(| $also:literal)*, $fr_label:literal,
        chart: $shape:ident $border:ident $pattern:ident; )*) => {
        /// The kind of a unit. Written in kebab-case in descriptions, in English
        /// (`"kind": "sub-directorate"`) or in French (`"kind": "sous-direction"`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        #[non_exhaustive]
        pub enum UnitKind {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl UnitKind {
            /// Every unit kind, in the order they are documented.
            pub const ALL: &'static [UnitKind] = &[$(UnitKind::$variant),*];

            /// The kind's name as organigram writes it in descriptions, in English.
            pub const fn as_str(self) -> &'static str {
                match self { $(UnitKind::$variant => $name,)* }
            }

            /// The kind's French name, which descriptions may write instead (`sous-direction`).
            pub const fn french_name(self) -> &'static str {
                match self { $(UnitKind::$variant => $fr,)* }
            }

            /// The kind's name as descriptions write it in a language: [`Self::as_str`] in
            /// English, [`Self::french_name`] in French (`sous-direction`).
            pub const fn name_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => self.as_str(),
                    Lang::Fr => self.french_name(),
                }
            }

            /// Other French names read as the kind (`pôle` for a department).
            pub const fn other_names(self) -> &'static [&'static str] {
                match self { $(UnitKind::$variant => &[$($also),*],)* }
            }

            /// The family the kind belongs to.
            pub const fn family(self) -> Family {
                match self { $(UnitKind::$variant => Family::$family,)* }
            }

            /// A short English label, for text output and chart legends.
            pub const fn label(self) -> &'static str {
                match self { $(UnitKind::$variant => $label,)* }
            }

            /// The short label in a language: "sub-directorate", "sous-direction".
            pub const fn label_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => self.label(),
                    Lang::Fr => match self { $(UnitKind::$variant => $fr_label,)* },
                }
            }

            /// The kind's definition, from its documentation.
            pub const fn description(self) -> &'static str {
                match self { $(UnitKind::$variant => concat!($($doc),*).trim_ascii(),)* }
            }

            /// How units of the kind are drawn in charts: in its family's colours, with the
            /// kind's shape, border and fill pattern.
            pub const fn style(self) -> UnitStyle {
                let (shape, border, pattern) = match self {
                    $(UnitKind::$variant => (Shape::$shape, Border::$border, FillPattern::$pattern),)*
                };
                let family = self.family();
                UnitStyle { shape, fill: family.fill(), stroke: family.stroke(), border, pattern }
            }
        }
    };
}

unit_kinds! {
    /// A ministry (ministère): the top of a government department.
    Ministry => "ministry", Organisation, "ministry", fr: "ministère", "ministère",
        chart: Box3d Double Plain;
    /// An agency or public body: établissement public, operator, service à compétence nationale
    /// (Inria, LNE, ANSSI, PEReN).
    Agency => "agency", Organisation, "agency", fr: "agence" | "établissement-public" | "opérateur", "agence",
        chart: Box3d Single Plain;
    /// A local authority (collectivité): a region, a department, a province.
    LocalAuthority => "local-authority", Organisation, "local authority", fr: "collectivité" | "collectivité-territoriale", "collectivité territoriale",
        chart: Box3d Double Graded;
    /// A court or a set of courts (juridiction).
    Jurisdiction => "jurisdiction", Organisation, "jurisdiction", fr: "juridiction", "juridiction",
        chart: Box3d Bold Plain;
    /// A school or training institution (école).
    School => "school", Organisation, "school", fr: "école", "école",
        chart: Box3d Single Graded;
    /// A body outside the national administration: EU institutions and bodies, international
    /// organisations, standards bodies.
    ExternalBody => "external-body", Organisation, "external body", fr: "organisme-extérieur" | "organisme-externe", "organisme extérieur",
        chart: Box3d Bold Graded;
    /// A secretariat general (secrétariat général): a ministry-wide coordination and support service.
    SecretariatGeneral => "secretariat-general", LineUnit, "secretariat general", fr: "secrétariat-général", "secrétariat général",
        chart: RoundedBox Double Plain;
    /// A directorate-general (direction générale).
    DirectorateGeneral => "directorate-general", LineUnit, "directorate-general", fr: "direction-générale", "direction générale",
        chart: RoundedBox Double Graded;
    /// A directorate (direction).
    Directorate => "directorate", LineUnit, "directorate", fr: "direction", "direction",
        chart: RoundedBox Bold Plain;
    /// An interministerial directorate (direction interministérielle) serving every ministry:
    /// DINUM, DITP.
    InterministerialDirectorate => "interministerial-directorate", LineUnit, "interministerial directorate", fr: "direction-interministérielle", "direction interministérielle",
        chart: RoundedBox Bold Graded;
    /// A service, inside a directorate or directly under a secretariat general.
    Service => "service", LineUnit, "service", fr: "service", "service",
        chart: RoundedBox Single Graded;
    /// A sub-directorate (sous-direction).
    SubDirectorate => "sub-directorate", LineUnit, "sub-directorate", fr: "sous-direction", "sous-direction",
        chart: RoundedBox Single Plain;
    /// A bureau, the smallest classic line unit.
    Bureau => "bureau", LineUnit, "bureau", fr: "bureau", "bureau",
        chart: Box Single Plain;
    /// A department or pôle (département, pôle): a grouping of services or bureaux.
    Department => "department", LineUnit, "department", fr: "département" | "pôle", "département",
        chart: Box Single Graded;
    /// A mission: a unit set up for a remit, often small (mission Etalab).
    Mission => "mission", LineUnit, "mission", fr: "mission", "mission",
        chart: Box Double Plain;
    /// A programme directorate (direction de programme): a transverse unit carrying a programme.
    ProgrammeDirectorate => "programme-directorate", LineUnit, "programme directorate", fr: "direction-de-programme", "direction de programme",
        chart: Box Bold Plain;
    /// A project directorate (direction de projet, DiP): a transverse, often time-bound unit
    /// carrying a project or a product line.
    ProjectDirectorate => "project-directorate", LineUnit, "project directorate", fr: "direction-de-projet", "direction de projet",
        chart: Box Bold Graded;
    /// A field of action inside a unit (domaine d'action), such as DiP A-JUST's products, data and
    /// support domains.
    Domain => "domain", LineUnit, "domain", fr: "domaine" | "domaine-d-action", "domaine",
        chart: Box Double Graded;
    /// A team, a lab or a start-up d'État.
    Team => "team", LineUnit, "team", fr: "équipe" | "laboratoire", "équipe",
        chart: Tab Single Plain;
    /// One position (poste), filled or vacant, inside a unit.
    Post => "post", Post, "post", fr: "poste", "poste",
        chart: Ellipse Single Plain;
    /// An observatory (observatoire): a body that watches and advises.
    Observatory => "observatory", Body, "observatory", fr: "observatoire", "observatoire",
        chart: Hexagon Single Graded;
    /// A committee (comité, commission): a body that meets to steer or advise.
    Committee => "committee", Body, "committee", fr: "comité" | "commission", "comité",
        chart: Hexagon Bold Plain;
    /// A board (conseil, board): a body that decides or coordinates among its members.
    Board => "board", Body, "board", fr: "conseil", "conseil",
        chart: Hexagon Double Plain;
    /// Any other collegial body or network of bodies (an institute federating partners, a working
    /// group).
    Body => "body", Body, "body", fr: "instance" | "organe", "instance",
        chart: Hexagon Single Plain;
}

super::display_as_name!(UnitKind);
super::term!(UnitKind, "a unit kind");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_colours_are_hex_and_no_shape_is_shared_by_two_families() {
        for kind in UnitKind::ALL {
            let style = kind.style();
            for colour in [style.fill, style.stroke] {
                assert!(
                    crate::model::style::is_hex_colour(colour),
                    "{kind}: {colour}"
                );
            }
            for other in UnitKind::ALL {
                if other.family() != kind.family() {
                    assert_ne!(style.shape, other.style().shape, "{kind}, {other}");
                }
            }
        }
    }

    #[test]
    fn every_family_has_kinds() {
        for family in Family::ALL {
            assert!(UnitKind::ALL.iter().any(|k| k.family() == family));
        }
    }
}
