//! Realistic synthetic descriptions of any size, for benchmarks and tests: several organisation
//! files, hierarchies 8 to 12 levels deep with spans of 1 to 20, some joint attachments, posts
//! with vacancies, about one cooperation tie per ten units, and a source cited by every fact.
//!
//! The same options give the same files, on every machine: the generator draws from its own
//! sequence ([`Random`]). With `changes`, the description has a dated history
//! ([`history`](super::history)).

use organigram::interop::NamedFile;
use organigram::model::{
    Boundary, Citation, Date, DescriptionFile, Organisation, OrganisationId, Origin, Recover,
    Source, SourceId, Span, Spanned, Tie, TieKind, Unit, UnitId, UnitKind,
};

use super::random::Random;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GenerateOptions {
    /// How many units (posts included), in all.
    pub(crate) units: usize,
    /// The seed of the random sequence.
    pub(crate) seed: u64,
    /// How many dated changes the history has ([`history`](super::history)); none, no history.
    pub(crate) changes: usize,
}

/// A generated description.
pub(crate) struct Generated {
    /// Its files, one per organisation.
    pub(crate) files: Vec<NamedFile>,
    /// How many dated changes its history has: those asked, unless it is too small to hold
    /// them.
    pub(crate) changes: usize,
}

/// Units per organisation file: large enough for deep hierarchies, small enough that a million
/// units make fifty files.
const UNITS_PER_FILE: usize = 20_000;

/// Line-unit kinds by level below the top, repeating the last ones for deeper levels.
const LEVELS: [UnitKind; 9] = [
    UnitKind::DirectorateGeneral,
    UnitKind::Directorate,
    UnitKind::SubDirectorate,
    UnitKind::Service,
    UnitKind::Bureau,
    UnitKind::Department,
    UnitKind::Mission,
    UnitKind::Team,
    UnitKind::Domain,
];

pub(super) fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(Span::default(), value)
}

/// Ids built from numbers are slugs by construction.
pub(super) fn id<T>(
    text: String,
    make: impl FnOnce(String) -> Result<T, organigram::model::SlugError>,
) -> T {
    match make(text) {
        Ok(id) => id,
        Err(error) => unreachable!("generated ids are slugs: {error}"),
    }
}

/// A unit being generated, before it is written.
struct Draft {
    id: UnitId,
    kind: UnitKind,
    level: usize,
}

/// What gives generated files a dated history of a number of changes, drawing from the random
/// sequence, and returns how many it made ([`history::add`](super::history::add)).
pub(crate) type History = fn(&mut [NamedFile], usize, &mut Random) -> usize;

/// The description of `options.units` units, split into organisation files, with a history of
/// `options.changes` changes that `history` writes. The history draws after the structure, so the
/// same seed gives the same structure with or without one.
pub(crate) fn generate(options: &GenerateOptions, history: History) -> Generated {
    let mut random = Random(options.seed);
    let count = options.units.div_ceil(UNITS_PER_FILE).max(1);
    let mut files = Vec::with_capacity(count);
    // Line units of every file, for cooperation ties across organisations.
    let mut line_units: Vec<UnitId> = Vec::new();
    for index in 0..count {
        let budget = options.units / count + usize::from(index < options.units % count);
        files.push(organisation(index, budget, &mut random, &mut line_units));
    }
    // About one cooperation tie per ten units, between line units anywhere.
    let cooperations = options.units / 10;
    for n in 0..cooperations {
        if line_units.len() < 2 {
            break;
        }
        let a = random.between(0, line_units.len() - 1);
        let b = random.between(0, line_units.len() - 1);
        if a == b {
            continue;
        }
        let file = n % count;
        let source_id = id(format!("o{file}-register"), SourceId::new);
        files[file].file.ties.push(Recover::Read(spanned(tie(
            TieKind::Cooperation,
            line_units[a].clone(),
            line_units[b].clone(),
            &source_id,
        ))));
    }
    let changes = match options.changes {
        0 => 0,
        changes => history(&mut files, changes, &mut random),
    };
    Generated { files, changes }
}

pub(super) fn citation(source: &SourceId) -> Citation {
    Citation {
        source: spanned(source.clone()),
        quote: Some("Generated for a benchmark".to_owned()),
        locator: None,
    }
}

pub(super) fn tie(kind: TieKind, from: UnitId, to: UnitId, source: &SourceId) -> Tie {
    Tie {
        source: Some(citation(source)),
        ..Tie::new(spanned(kind), spanned(from), spanned(to))
    }
}

/// One organisation of `budget` units: a ministry at the top, line units breadth-first with
/// spans of 1 to 20 (mostly small, so hierarchies reach 8 to 12 levels), many of them posts.
fn organisation(
    index: usize,
    budget: usize,
    random: &mut Random,
    line_units: &mut Vec<UnitId>,
) -> NamedFile {
    let prefix = format!("o{index}");
    let source_id = id(format!("{prefix}-register"), SourceId::new);
    let depth = random.between(8, 12);
    let mut drafts: Vec<Draft> = Vec::with_capacity(budget);
    let mut parents: Vec<(usize, TieKind, usize)> = Vec::with_capacity(budget);
    drafts.push(Draft {
        id: id(prefix.clone(), UnitId::new),
        kind: UnitKind::Ministry,
        level: 0,
    });
    let mut next = 0;
    while drafts.len() < budget {
        // When every unit left is a post or at the depth limit, start again from the top, so
        // the budget is always spent.
        if next == drafts.len() {
            next = 0;
        }
        let parent = next;
        next += 1;
        let level = drafts[parent].level;
        if drafts[parent].kind == UnitKind::Post || level >= depth {
            continue;
        }
        // Spans of 1 to 4 mostly, up to 20 one time in ten.
        let span = if random.chance(10) {
            random.between(5, 20)
        } else {
            random.between(1, 4)
        };
        for _ in 0..span {
            if drafts.len() >= budget {
                break;
            }
            let kind = if level > 0 && random.chance(40) {
                UnitKind::Post
            } else {
                LEVELS[level.min(LEVELS.len() - 1)]
            };
            let child = drafts.len();
            drafts.push(Draft {
                id: id(format!("{prefix}-u{child}"), UnitId::new),
                kind,
                level: level + 1,
            });
            parents.push((child, TieKind::Attachment, parent));
        }
    }
    let mut ties: Vec<Tie> = Vec::with_capacity(parents.len() + budget / 50);
    for (child, kind, parent) in parents {
        // One line unit in a hundred has a second parent one level up: a joint attachment.
        let draft = &drafts[child];
        let joint = draft.kind != UnitKind::Post && draft.level >= 2 && random.chance(1);
        if joint {
            let other = random.between(1, drafts.len() - 1);
            if other != parent
                && drafts[other].level + 1 == draft.level
                && drafts[other].kind != UnitKind::Post
            {
                for superior in [parent, other] {
                    ties.push(tie(
                        TieKind::JointAttachment,
                        draft.id.clone(),
                        drafts[superior].id.clone(),
                        &source_id,
                    ));
                }
                continue;
            }
        }
        ties.push(tie(
            kind,
            draft.id.clone(),
            drafts[parent].id.clone(),
            &source_id,
        ));
    }
    // The organisation is its top unit, the first drafted.
    let top = drafts.first().map(|d| spanned(d.id.clone()));
    let units = drafts
        .into_iter()
        .enumerate()
        .map(|(n, draft)| {
            if draft.kind != UnitKind::Post {
                line_units.push(draft.id.clone());
            }
            let vacant = (draft.kind == UnitKind::Post).then(|| spanned(random.chance(12)));
            let name = match draft.kind {
                UnitKind::Post => format!("Chargé de mission {n}"),
                kind => format!(
                    "{} {n} de l'organisation {index}",
                    capitalised(kind.label())
                ),
            };
            Recover::Read(spanned(Unit {
                acronym: (draft.kind != UnitKind::Post && random.chance(30))
                    .then(|| format!("{}{n}", draft.kind.as_str()[..2].to_uppercase())),
                vacant,
                boundary: (n == 0).then_some(Boundary::Top),
                source: Some(citation(&source_id)),
                ..Unit::new(spanned(draft.id), name, spanned(draft.kind))
            }))
        })
        .collect();
    NamedFile {
        name: format!("org-{index:04}.json"),
        file: DescriptionFile {
            schema: None,
            organisation: spanned(Organisation {
                id: spanned(id(format!("org-{index}"), OrganisationId::new)),
                name: format!("Organisation {index}"),
                acronym: None,
                unit: top,
                origin: Origin::default(),
            }),
            sources: vec![Recover::Read(spanned(Source {
                id: spanned(source_id.clone()),
                title: format!("Register of organisation {index}"),
                reference: None,
                publisher: Some("organigram generate".to_owned()),
                date: Date::parse("2026-01-01").ok(),
                url: None,
                file: None,
                origin: Origin::default(),
            }))],
            units,
            ties: ties
                .into_iter()
                .map(|t| Recover::Read(spanned(t)))
                .collect(),
        },
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use organigram::{Loader, Workspace};

    /// The generated description, read back through the library's front door as `organigram`
    /// reads the files `generate` writes; reading it finds no problem.
    fn workspace(units: usize, seed: u64) -> Workspace {
        let options = GenerateOptions {
            units,
            seed,
            changes: 0,
        };
        let loader = generate(&options, |_, _, _| 0).files.into_iter().fold(
            Loader::new(),
            |loader, file| {
                let text = file.to_json().unwrap();
                loader.text(file.name, text)
            },
        );
        let workspace = loader.load().unwrap();
        let problems: Vec<_> = workspace.diagnostics().collect();
        assert!(problems.is_empty(), "{problems:#?}");
        workspace
    }

    #[test]
    fn the_requested_number_of_units_in_several_files() {
        for units in [1, 10, 1_000, 45_000] {
            let files = generate(
                &GenerateOptions {
                    units,
                    seed: 7,
                    changes: 0,
                },
                |_, _, _| 0,
            )
            .files;
            let total: usize = files.iter().map(|f| f.file.units.len()).sum();
            assert_eq!(total, units);
            assert_eq!(files.len(), units.div_ceil(UNITS_PER_FILE));
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_description() {
        let json = |seed| {
            let options = GenerateOptions {
                units: 2_000,
                seed,
                changes: 0,
            };
            generate(&options, |_, _, _| 0)
                .files
                .iter()
                .map(|f| serde_json::to_string(&f.file).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(json(1), json(1));
        assert_ne!(json(1), json(2));
    }

    #[test]
    fn the_shape_is_realistic() {
        let workspace = workspace(20_000, 3);
        let graph = workspace.graph();
        let stats = organigram::query::stats(graph, None);
        assert!((8..=13).contains(&stats.layers), "{} layers", stats.layers);
        let span = stats.span.expect("units have reports");
        assert!(span.max >= 5 && span.min >= 1, "{span:?}");
        assert!(stats.posts > 20_000 / 5, "{} posts", stats.posts);
        assert!(stats.vacant_posts > 0);
        let joint = graph
            .ties()
            .filter(|(_, t)| t.kind.value == TieKind::JointAttachment)
            .count();
        let cooperation = graph
            .ties()
            .filter(|(_, t)| t.kind.value == TieKind::Cooperation)
            .count();
        assert!(joint > 0, "no joint attachment");
        assert!(
            (1_500..=2_000).contains(&cooperation),
            "{cooperation} cooperation ties"
        );
        // Every unit but the top has a superior: no orphans in a generated description.
        let orphans = graph
            .units()
            .filter(|(ix, unit)| {
                graph.hierarchy().superiors(*ix).next().is_none() && unit.boundary.is_none()
            })
            .count();
        assert_eq!(orphans, 0);
    }
}
