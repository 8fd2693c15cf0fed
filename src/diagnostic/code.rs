//! The stable codes of diagnostics, each with its default severity and the reason it exists.

use serde::Serialize;

use super::Severity;
use crate::model::Lang;

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, $severity:ident,
        fr: $fr:literal; )*) => {
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

            /// Why the problem matters, in a sentence in `lang`: the English is the code's
            /// documentation, the French is declared beside it.
            pub const fn rationale_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => self.rationale(),
                    Lang::Fr => match self { $(Code::$variant => $fr,)* },
                }
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
    Io => "io", Error,
        fr: "Un fichier ou un dossier de la description ne peut pas être lu : ce qu’il décrit manque.";
    /// A description file is not valid UTF-8 text, so it cannot be read as JSON.
    InvalidUtf8 => "invalid-utf8", Error,
        fr: "Un fichier de la description n’est pas un texte UTF-8 valide : il ne peut pas être lu comme du JSON.";
    /// A description file is larger than the limit, which protects against reading runaway files.
    FileTooLarge => "file-too-large", Error,
        fr: "Un fichier de la description dépasse la taille maximale, qui protège de la lecture de fichiers démesurés.";
    /// A description file is not valid JSON.
    Syntax => "syntax", Error,
        fr: "Un fichier de la description n’est pas du JSON valide.";
    /// JSON nests deeper than the limit; no real description does, and deep nesting can exhaust
    /// the stack.
    TooDeep => "too-deep", Error,
        fr: "Le JSON est imbriqué plus profondément que la limite : aucune description réelle ne l’est, et une imbrication profonde peut épuiser la pile.";
    /// A field the format does not know: usually a typo, which would otherwise silently lose data.
    UnknownField => "unknown-field", Error,
        fr: "Un champ que le format ne connaît pas : le plus souvent une faute de frappe, qui ferait sinon perdre des données sans prévenir.";
    /// A value outside its vocabulary (a unit kind, a tie kind, a status).
    UnknownValue => "unknown-value", Error,
        fr: "Une valeur hors de son vocabulaire (un type d’unité, un type de lien, un statut).";
    /// A required field is absent.
    MissingField => "missing-field", Error,
        fr: "Un champ obligatoire est absent.";
    /// The same key twice in one JSON object: one of the two values would be silently lost.
    DuplicateKey => "duplicate-key", Error,
        fr: "La même clé deux fois dans un objet JSON : l’une des deux valeurs serait perdue sans prévenir.";
    /// A value of the wrong type or shape (a number for a name, an id that is not a slug, an
    /// impossible date).
    InvalidValue => "invalid-value", Error,
        fr: "Une valeur du mauvais type ou de la mauvaise forme (un nombre pour un nom, un identifiant qui n’est pas un slug, une date impossible).";
    /// Two units, sources or organisations share an id, so every reference to it is ambiguous.
    DuplicateId => "duplicate-id", Error,
        fr: "Deux unités, sources ou organismes ont le même identifiant : toute référence à cet identifiant est ambiguë.";
    /// A tie names a unit that is declared nowhere in the description.
    UnknownUnit => "unknown-unit", Error,
        fr: "Un lien désigne une unité qui n’est déclarée nulle part dans la description.";
    /// A citation names a source that is declared nowhere in the description.
    UnknownSource => "unknown-source", Error,
        fr: "Une citation désigne une source qui n’est déclarée nulle part dans la description.";
    /// A tie joins two kinds of unit it cannot join (a unit attached to a committee, a secretariat
    /// run for a directorate); the validity table in `model::TieKind` says what may join what.
    TieNotAllowed => "tie-not-allowed", Error,
        fr: "Un lien joint deux types d’unités qu’il ne peut pas joindre (une unité rattachée à un comité, un secrétariat assuré pour une direction) ; la table de validité de `model::TieKind` dit ce qui peut joindre quoi.";
    /// An attribute given to a unit of a kind it does not apply to (a vacant directorate).
    AttributeNotAllowed => "attribute-not-allowed", Error,
        fr: "Un attribut donné à une unité d’un type auquel il ne s’applique pas (une direction vacante).";
    /// A folder given as a description holds no description file.
    EmptyDescription => "empty-description", Error,
        fr: "Un dossier donné comme description ne contient aucun fichier de description.";
    /// A unit with no hierarchical parent that declares no `boundary` hangs outside every chain of
    /// command: nobody is known to answer for it, nor for the units under it.
    OrphanUnit => "orphan-unit", Error,
        fr: "Une unité sans rattachement hiérarchique qui ne déclare aucune `boundary` est hors de toute chaîne hiérarchique : personne n’est connu pour en répondre, ni des unités placées sous elle.";
    /// Units placed under each other in a circle have no top: no chain of command can be read
    /// from them.
    HierarchyCycle => "hierarchy-cycle", Error,
        fr: "Des unités placées les unes sous les autres en cercle n’ont pas de sommet : aucune chaîne hiérarchique ne peut s’y lire.";
    /// A tie from a unit to itself states nothing and is usually a wrong id.
    SelfTie => "self-tie", Error,
        fr: "Un lien d’une unité vers elle-même n’énonce rien, et provient le plus souvent d’un identifiant erroné.";
    /// A unit attached to several units without saying it is jointly attached (`joint-attachment`)
    /// has no clear place in the hierarchy; line authority over it is another tie, and is fine.
    MultipleAttachments => "multiple-attachments", Error,
        fr: "Une unité rattachée à plusieurs unités sans dire que ce rattachement est conjoint (`joint-attachment`) n’a pas de place claire dans la hiérarchie ; l’autorité hiérarchique exercée sur elle est un autre lien, et ne pose pas de problème.";
    /// A unit headed by two posts at once has no single line of posts: the tie of a head who
    /// left usually lacks its `valid_until`.
    TwoHeads => "two-heads", Error,
        fr: "Une unité dirigée par deux postes à la fois n’a pas de ligne hiérarchique des postes unique : le lien d’un dirigeant parti n’a le plus souvent pas reçu son `valid_until`.";
    /// A head sits in the unit it heads; a head attached to another unit is placed in two units,
    /// and the line of posts cannot tell which.
    HeadOutsideUnit => "head-outside-unit", Error,
        fr: "Un dirigeant siège dans l’unité qu’il dirige ; un dirigeant rattaché à une autre unité est placé dans deux unités, et la ligne hiérarchique des postes ne peut pas dire laquelle retenir.";
    /// Two units of one organisation with the same kind and the same name or acronym are probably
    /// one unit declared twice, which splits its ties between two ids.
    DuplicateUnit => "duplicate-unit", Warning,
        fr: "Deux unités d’un même organisme, de même type et de même nom ou sigle, sont probablement une seule unité déclarée deux fois, ce qui répartit ses liens entre deux identifiants.";
    /// A post is a position in a unit; a post at the top of a hierarchy belongs to no unit, and
    /// neither do the posts under it: the unit is usually missing from the description.
    PostWithoutUnit => "post-without-unit", Warning,
        fr: "Un poste est une fonction au sein d’une unité ; un poste au sommet d’une hiérarchie n’appartient à aucune unité, pas plus que les postes placés sous lui : l’unité manque le plus souvent à la description.";
    /// A body (observatory, committee, board) meets through a secretariat; with none described,
    /// nobody is known to convene it or keep its records.
    BodyWithoutSecretariat => "body-without-secretariat", Warning,
        fr: "Une instance (observatoire, comité, conseil) se réunit grâce à un secrétariat ; faute d’en décrire un, personne n’est connu pour la convoquer ni tenir ses archives.";
    /// A body with no members described (`membership` or `representation` ties) has nobody known
    /// to sit in it.
    BodyWithoutMembers => "body-without-members", Warning,
        fr: "Une instance dont aucun membre n’est décrit (liens `membership` ou `representation`) n’a personne de connu pour y siéger.";
    /// A unit with no tie at all is cut off from the rest of the description: a tie is usually
    /// missing.
    IsolatedUnit => "isolated-unit", Warning,
        fr: "Une unité sans aucun lien est coupée du reste de la description : il manque le plus souvent un lien.";
    /// A unit or post with more direct reports than the threshold (`check --max-span`, default 15)
    /// is hard to manage, and often hides a missing intermediate level.
    WideSpan => "wide-span", Warning,
        fr: "Une unité ou un poste qui a plus de subordonnés directs que le seuil (`check --max-span`, 15 par défaut) est difficile à encadrer, et cache souvent un niveau intermédiaire manquant.";
    /// A tie in force on a day when one of its ends is not (it starts before the unit begins,
    /// or, while the unit it is declared from still exists, holds after the other ended, or has
    /// no end while the other was dissolved at a date not known) describes a state that never
    /// was; a tie that outlasts a unit usually belongs to its successor now. A tie ends with the
    /// unit it is declared from. The rules of time find it on the whole timeline, every date
    /// read; the code is the one ties to dissolved and succeeded units always had, so that lists
    /// of codes keep working.
    OutdatedTie => "outdated-tie", Warning,
        fr: "Un lien en vigueur un jour où l’une de ses extrémités ne l’est pas (il commence avant que l’unité existe, ou, tant que l’unité dont il est déclaré existe encore, vaut après la fin de l’autre, ou n’a pas de fin alors que l’autre a été dissoute à une date inconnue) décrit un état qui n’a jamais existé ; un lien qui survit à une unité appartient le plus souvent désormais à son successeur. Un lien prend fin avec l’unité dont il est déclaré. Les règles du temps le trouvent sur toute la chronologie, à toutes les dates ; le code est celui qu’ont toujours eu les liens vers des unités dissoutes ou remplacées, afin que les listes de codes restent valables.";
    /// A post under the line authority of a post in no unit above its own: the heads say it
    /// answers to someone else, and one of the two is usually out of date or misplaced.
    AuthorityAgainstHeads => "authority-against-heads", Warning,
        fr: "Un poste placé sous l’autorité hiérarchique d’un poste qui ne siège dans aucune unité au-dessus de la sienne : d’après les dirigeants, il rend compte à quelqu’un d’autre, et l’un des deux est le plus souvent périmé ou mal placé.";
    /// A tie stated twice (a symmetric tie stated in both directions counts) is counted twice by
    /// every query and drawn twice in charts.
    DuplicateTie => "duplicate-tie", Warning,
        fr: "Un lien déclaré deux fois (un lien symétrique déclaré dans les deux sens compte) est compté deux fois par chaque requête et dessiné deux fois dans les organigrammes.";
    /// A unit or tie with no source cannot be verified: every fact should point back to the
    /// document that states it. An error with `check --strict`.
    MissingSource => "missing-source", Warning,
        fr: "Une unité ou un lien sans source ne peut pas être vérifié : chaque fait doit renvoyer au document qui l’établit. C’est une erreur avec `check --strict`.";
    /// A vacant post is a position nobody holds: worth knowing when reading a chain of command.
    VacantPost => "vacant-post", Note,
        fr: "Un poste vacant est une fonction que personne n’occupe : bon à savoir en lisant une chaîne hiérarchique.";
    /// A proposal that contradicts itself or the description (a change to a unit an earlier change
    /// removed, an id that already exists, a unit merged into itself) cannot be applied.
    ProposalConflict => "proposal-conflict", Error,
        fr: "Une proposition qui se contredit ou contredit la description (une modification d’une unité qu’une modification précédente supprime, un identifiant qui existe déjà, une unité fusionnée avec elle-même) ne peut pas être appliquée.";
    /// A proposal removes or reassigns a tie that the description does not have.
    UnknownTie => "unknown-tie", Error,
        fr: "Une proposition supprime ou réaffecte un lien que la description n’a pas.";
    // The rules of time (src/check/time.rs): read on the whole description, every date.
    /// A unit or a tie whose `valid_until` is not after its `valid_from` holds on no day, and
    /// `was` entries out of order, or ending outside the unit's life, give it names and kinds at
    /// dates when they never applied: the dates say what cannot be. A partial date stands for its
    /// first day: `until 2019` ends on 2019-01-01.
    DatesOutOfOrder => "dates-out-of-order", Error,
        fr: "Une unité ou un lien dont la date `valid_until` ne suit pas la date `valid_from` n’est en vigueur aucun jour, et des entrées `was` dans le désordre, ou qui prennent fin hors de l’existence de l’unité, lui donnent des noms et des types à des dates où ils ne se sont jamais appliqués : les dates disent l’impossible. Une date partielle vaut pour son premier jour : `until 2019` prend fin le 2019-01-01.";
    /// Two plain attachments of one unit in force at once, on days other than the day checked
    /// (whose structure `multiple-attachments` checks, so a pair is reported once): the unit had
    /// no clear place in the hierarchy then. Each attachment is read within the lives of its two
    /// ends; a unit with a `joint-attachment` at any date declares several parents.
    OverlappingAttachments => "overlapping-attachments", Error,
        fr: "Deux rattachements simples d’une même unité en vigueur en même temps, d’autres jours que celui qui est vérifié (dont `multiple-attachments` vérifie la structure, si bien qu’une paire n’est signalée qu’une fois) : l’unité n’avait alors pas de place claire dans la hiérarchie. Chaque rattachement est lu dans les limites de l’existence de ses deux extrémités ; une unité qui a un `joint-attachment` à une date quelconque déclare plusieurs parents.";
    /// A unit whose hierarchical ties leave part of its life with no parent, and no `boundary`,
    /// was an orphan then, on days other than the day checked (whose structure `orphan-unit`
    /// checks). A warning, not an error like an orphan of the day: the past of a description is
    /// often known in part only, and a tie that is missing then is usually the date of another.
    OrphanPeriod => "orphan-period", Warning,
        fr: "Une unité dont les liens hiérarchiques laissent une partie de son existence sans parent, et sans `boundary`, était alors orpheline, d’autres jours que celui qui est vérifié (dont `orphan-unit` vérifie la structure). C’est un avertissement, et non une erreur comme une orpheline du jour : le passé d’une description n’est souvent connu qu’en partie, et un lien qui manque alors est le plus souvent la date d’un autre.";
    /// A successor that takes over (the `succession`'s `valid_from`, else its own) before its
    /// predecessor ends, or from a predecessor that has no end, leaves both in force at once. A
    /// warning: a new body is sometimes created before the old one is wound up, but more often
    /// the predecessor lacks its `valid_until`.
    SuccessionOverlap => "succession-overlap", Warning,
        fr: "Un successeur qui prend la suite (à la date `valid_from` de la `succession`, sinon à la sienne) avant la fin de son prédécesseur, ou d’un prédécesseur sans date de fin, les laisse tous deux en vigueur en même temps. C’est un avertissement : un nouvel organisme est parfois créé avant que l’ancien soit liquidé, mais le plus souvent le prédécesseur n’a pas reçu son `valid_until`.";
    /// A successor that takes over more than a year after its predecessor ended: a reorganisation
    /// takes effect on one date, the successor on the day its predecessor ends, or within months
    /// when a decree leaves time to set it up, so a year apart is usually a wrong date, or a unit
    /// between the two that is not described.
    SuccessionGap => "succession-gap", Warning,
        fr: "Un successeur qui prend la suite plus d’un an après la fin de son prédécesseur : une réorganisation prend effet à une date, le successeur le jour où son prédécesseur prend fin, ou dans les mois qui suivent quand un décret laisse le temps de le mettre en place ; un an d’écart est donc le plus souvent une date erronée, ou une unité intermédiaire qui n’est pas décrite.";
    /// A unit `dissolved` with no `valid_until` ended at a date not known, so it is in the
    /// structure of no day, not even of the days it existed: its date is worth finding.
    UndatedDissolution => "undated-dissolution", Note,
        fr: "Une unité `dissolved` sans `valid_until` a pris fin à une date inconnue : elle n’est dans la structure d’aucun jour, pas même des jours où elle existait ; sa date mérite d’être trouvée.";
    /// A status that the dates contradict on the day checked: a `dissolved` unit whose
    /// `valid_until` is still to come, a `planned` one in force since its `valid_from`. The dates
    /// decide what is in force; the status shown beside them says otherwise.
    StatusAgainstDates => "status-against-dates", Warning,
        fr: "Un statut que les dates contredisent le jour vérifié : une unité `dissolved` dont la date `valid_until` est encore à venir, une unité `planned` en vigueur depuis sa date `valid_from`. Les dates décident de ce qui est en vigueur ; le statut affiché à côté dit autre chose.";
    /// A proposal is asked about a day before it takes effect: it changes nothing on that day,
    /// so there is no structure as proposed to show.
    ProposalNotInForce => "proposal-not-in-force", Error,
        fr: "Une proposition est appliquée à un jour antérieur à son entrée en vigueur : elle n’y change rien, il n’y a donc pas de structure proposée à montrer.";
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

    #[test]
    fn every_code_is_explained_in_french_typography() {
        for code in Code::ALL {
            let french = code.rationale_in(Lang::Fr);
            assert_eq!(code.rationale_in(Lang::En), code.rationale());
            assert_ne!(french, code.rationale(), "{code:?}");
            assert!(french.ends_with('.'), "{code:?}: {french}");
            for mark in [" :", " ;", " ?", " !", "'"] {
                assert!(!french.contains(mark), "{code:?}: {mark:?} in {french}");
            }
        }
    }
}
