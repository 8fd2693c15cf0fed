//! The hierarchy as CSV, one row per unit, in the columns `import csv` reads back: `organigram
//! import csv FILE -o DIR --id id --parent parent --name name --kind kind --acronym acronym`
//! gives the same units (ids, names, kinds, acronyms) under the same parents.
//!
//! ```csv
//! id,parent,name,kind,acronym
//! me,,Ministère de l'Exemple,ministry,ME
//! me-sg,me,Secrétariat général,secretariat-general,SG
//! ```
//!
//! A table holds one parent per unit, as the HR tools and directories that exchange such files
//! do: a unit's attachment (`attachment` or `joint-attachment`), the first one declared when it
//! has several, and for a unit with none, its first line authority. Other parents, other ties,
//! organisations, sources and the other attributes are not part of it: for the whole graph,
//! export JSON, `GraphML` or linked data.

use std::io::{self, Write};

use crate::graph::{OrgGraph, UnitIx};
use crate::model::TieKind;

/// The header row: the columns, in order.
pub(crate) const COLUMNS: [&str; 5] = ["id", "parent", "name", "kind", "acronym"];

/// The parent a unit has in a table: its first attachment or joint attachment in declaration
/// order, else its first line authority; never itself (a tie to oneself places it nowhere).
pub fn parent(graph: &OrgGraph, unit: UnitIx) -> Option<UnitIx> {
    let parents: Vec<_> = graph
        .hierarchy()
        .up(unit)
        .into_iter()
        .filter(|link| link.to != unit)
        .collect();
    parents
        .iter()
        .find(|link| link.kind() != TieKind::LineAuthority)
        .or(parents.first())
        .map(|link| link.to)
}

/// Writes the units of `graph` as CSV (UTF-8, comma-separated, cells quoted when they hold a
/// comma, a quote or a line break), in declaration order, after the header
/// `id,parent,name,kind,acronym`. Linear in the size of the graph.
pub fn write(graph: &OrgGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    for (ix, unit) in graph.units() {
        let parent = parent(graph, ix).map_or("", |p| graph.unit(p).id.as_str());
        writer.write_record([
            unit.id.as_str(),
            parent,
            &unit.name,
            unit.kind.as_str(),
            unit.acronym.as_deref().unwrap_or(""),
        ])?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{build, description};
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;

    fn csv(graph: &OrgGraph) -> String {
        let mut bytes = Vec::new();
        write(graph, &mut bytes).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn one_row_per_unit_under_its_attachment() {
        let mut d = description(
            &[
                ("top", Ministry),
                ("sg", SecretariatGeneral),
                ("dir", Directorate),
                ("lab", Team),
                ("head", Post),
                ("clerk", Post),
                ("loop", Bureau),
            ],
            &[
                ("sg", Attachment, "top"),
                ("dir", Attachment, "sg"),
                ("lab", LineAuthority, "sg"),
                ("lab", JointAttachment, "dir"),
                ("lab", JointAttachment, "sg"),
                ("head", Attachment, "sg"),
                ("clerk", LineAuthority, "head"),
                ("loop", Attachment, "loop"),
                ("dir", Cooperation, "lab"),
            ],
        );
        d.units[0].acronym = Some("T".to_owned());
        d.units[1].name = "Secrétariat, \"général\"\nsecond line".to_owned();
        assert_eq!(
            csv(&build(d)),
            "id,parent,name,kind,acronym\n\
             top,,top,ministry,T\n\
             sg,top,\"Secrétariat, \"\"général\"\"\nsecond line\",secretariat-general,\n\
             dir,sg,dir,directorate,\n\
             lab,dir,lab,team,\n\
             head,sg,head,post,\n\
             clerk,head,clerk,post,\n\
             loop,,loop,bureau,\n"
        );
    }
}
