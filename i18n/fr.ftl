# Les messages d’organigram en français. Chaque message a son anglais dans en.ftl, avec les mêmes
# variables ; src/i18n/mod.rs explique comment en ajouter un.
# Typographie : espace insécable avant « ; : ? ! », apostrophe typographique, guillemets « ».

## Éléments de messages

did-you-mean = vouliez-vous dire `{ $name }` ?
list-and = { $rest } et { $last }
list-or = { $rest } ou { $last }
list-none = aucun
unit-described = `{ $id }` ({ $kind })
tie-sentence = `{ $from }` { $verb } `{ $to }`
count-errors = { $n ->
    [one] { $n } erreur
   *[other] { $n } erreurs
}
first-declared-here = déclaré une première fois ici
declared-again-here = déclaré à nouveau ici
first-given-here = donné une première fois ici

## Affichage des diagnostics

diagnostic-help = aide : { $hint }
diagnostic-changed-file = dans { $file }, modifié après sa lecture : { $quoted }l’emplacement ne peut pas être montré
diagnostic-changed-file-quote = « { $message } » :{" "}

## Lecture d’une description

parse-too-deep-hint = relevez la limite avec --max-depth si cette imbrication est voulue
parse-fields-here = les champs possibles ici sont { $fields }
parse-values-here = les valeurs admises ici sont { $values }
parse-missing-field-label = cet objet n’a pas de `{ $field }`
parse-missing-field-hint = ajoutez un champ `"{ $field }"`
parse-duplicate-key-hint = n’en gardez qu’une : les lecteurs JSON ne conservent qu’une des deux valeurs, sans prévenir
parse-control-hint = supprimez-le : les textes d’une description ne contiennent aucun caractère de contrôle, hormis les tabulations et les sauts de ligne
parse-bidi-hint = supprimez-le : un texte, quelle que soit son écriture, arabe et hébreu compris, s’affiche dans le bon ordre sans caractères de contrôle bidirectionnels
merge-post-fact = `{ $field }` est réservé aux postes, et `{ $id }` est de type « { $kind } »
merge-post-fact-related = déclaré de ce type ici
merge-post-fact-hint = déclarez la fonction comme une unité de type `post` au sein de cette unité, et { $field ->
    [vacant] marquez le poste comme vacant
   *[other] donnez au poste son `{ $field }`
}
merge-duplicate-id = identifiant { $what ->
    [unit] d’unité
   *[other] de source
} en double : `{ $id }`
merge-duplicate-id-hint = les identifiants sont uniques dans toute la description : renommez l’une des deux { $what ->
    [unit] unités
   *[other] sources
}

## Résolution des références

build-unknown-unit = unité inconnue : `{ $id }`
build-unknown-unit-label = aucune unité n’a cet identifiant
build-unknown-unit-hint = déclarez l’unité dans l’un des fichiers de la description
build-unknown-source = source inconnue : `{ $id }`
build-unknown-source-label = aucune source n’a cet identifiant
build-unknown-source-hint = déclarez le document dans la liste "sources" d’un fichier
build-tie-not-allowed = un lien `{ $kind }` ne peut pas aller de `{ $from }` ({ $from_kind }) à `{ $to }` ({ $to_kind })
build-tie-not-allowed-is-a = `{ $id }` est de type « { $kind } »
build-tie-not-allowed-starts = un lien `{ $kind }` part d’une unité de la famille { $starts }, et le type « { $from_kind } » est de la famille { $family }
build-tie-not-allowed-goes = depuis une unité de type « { $from_kind } » (famille { $family }), un lien `{ $kind }` ne peut aller que vers la famille { $allowed } ; vérifiez le type du lien ou son sens

## Les règles de check

check-orphan = { $unit } n’a aucun rattachement hiérarchique : l’unité est orpheline
check-orphan-label = ni rattachement, ni `boundary`
check-orphan-label-cut = ni rattachement, ni `boundary` ; { $taken ->
    [one] { $taken } unité placée en dessous est coupée de la hiérarchie avec elle
   *[other] { $taken } unités placées en dessous sont coupées de la hiérarchie avec elle
}
check-orphan-hint = rattachez l’unité à son parent par un lien `attachment`, ou déclarez `"boundary": "top"` (sommet de sa hiérarchie) ou `"boundary": "parent-outside"` (son parent n’est pas décrit)
check-post-without-unit = le poste `{ $id }` n’appartient à aucune unité : il est au sommet de sa hiérarchie
check-post-without-unit-label = { $taken ->
    [one] ni lui ni le poste placé sous lui n’appartiennent à une unité
   *[other] ni lui ni les { $taken } postes placés sous lui n’appartiennent à une unité
}
check-post-without-unit-hint = rattachez le poste à l’unité dont il relève ; si cette unité n’est pas décrite, déclarez `"boundary": "parent-outside"`
check-cycle = cycle hiérarchique : { $units } sont placées les unes sous les autres
check-cycle-label = l’une des { $n } unités du cycle
check-cycle-hint = une chaîne hiérarchique remonte jusqu’à un sommet : supprimez ou inversez le lien qui referme le cercle
check-self-tie = `{ $id }` est lié à lui-même : `{ $id }` { $verb } `{ $id }`
check-self-tie-label = la même unité que `from`
check-self-tie-hint = un lien relie deux unités différentes : vérifiez les identifiants
check-attachments = { $unit } a { $n } rattachements, dont aucun n’est conjoint : { $units }
check-attachments-label = rattachement ici aussi
check-attachments-first = rattachement ici
check-attachments-other = et ici
check-attachments-hint = une unité qui a plusieurs parents à la fois déclare chacun de ces liens comme `joint-attachment` ; sinon, gardez le rattachement qui prévaut (l’autorité hiérarchique est un lien distinct)
check-wide-span = { $unit } a { $span } subordonnés directs, au-delà du seuil de { $max }
check-wide-span-label = { $span } unités et postes directement placés dessous
check-wide-span-hint = regroupez-les sous des unités intermédiaires, ou relevez le seuil avec `--max-span`
check-duplicate-unit = { $unit } semble déclarer une seconde fois `{ $first }` : même type, même organisme, même { $what ->
    [name] nom
   *[other] sigle
} « { $text } »
check-duplicate-unit-label = nouvelle déclaration ?
check-duplicate-unit-hint = s’il s’agit d’une seule unité, gardez un seul identifiant et faites-y pointer tous les liens ; s’il s’agit de deux unités, donnez-leur des noms qui les distinguent
check-duplicate-tie = lien déclaré deux fois : { $tie }
check-duplicate-tie-label = déclaré à nouveau ici
check-duplicate-tie-reversed = déclaré à nouveau ici, en sens inverse
check-duplicate-tie-first = déclaré pour la première fois ici
check-duplicate-tie-hint = supprimez l’un des deux
check-no-secretariat = { $unit } n’a pas de secrétariat
check-no-secretariat-label = aucun lien `secretariat` ne lui arrive
check-no-secretariat-hint = ajoutez un lien `secretariat` depuis l’unité qui en assure le secrétariat
check-no-members = { $unit } n’a aucun membre
check-no-members-label = aucun lien `membership` ni `representation` ne lui arrive
check-no-members-hint = ajoutez des liens `membership` depuis les unités et les postes qui y siègent (`representation` pour ceux qui y siègent au nom de leur organisme)
check-isolated = { $unit } n’a aucun lien
check-isolated-label = aucun lien entrant ni sortant
check-isolated-hint = reliez l’unité à celles dont elle relève ou avec lesquelles elle travaille, ou supprimez-la
check-outdated-dissolved = { $tie }, alors que `{ $id }` est dissous
check-outdated-dissolved-label = dissolution
check-outdated-dissolved-hint = donnez au lien une date `valid_until` s’il décrit le passé, ou supprimez-le
check-outdated-succeeded-hint = faites pointer le lien vers { $successors } s’il vaut toujours, ou donnez-lui une date `valid_until` s’il décrit le passé
check-outdated-succeeded-here = `{ $successor }` a succédé à `{ $id }` ici
check-no-source-unit = { $unit } ne cite aucune source
check-no-source-tie = le lien « { $tie } » ne cite aucune source
check-no-source-label = pas de `source`
check-no-source-hint = ajoutez `"source": {"{"} "ref": …, "quote": … {"}"}` en citant le document qui l’établit
check-vacant = le poste `{ $id }` ({ $name }) est vacant
check-vacant-label = personne ne l’occupe

## La ligne de commande

count-warnings = { $n ->
    [one] { $n } avertissement
   *[other] { $n } avertissements
}
count-notes = { $n ->
    [one] { $n } remarque
   *[other] { $n } remarques
}
cli-description-has-errors = erreur : la description comporte { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
} ; rien d’autre n’a été fait
cli-answering-despite-errors = avertissement : la description comporte { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
} ; réponse sur ce qui a pu être lu (`organigram check` les liste, `--strict` refuse de répondre)
cli-answering-despite-errors-in = avertissement : { $path } comporte { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
} ; réponse sur ce qui a pu être lu (`organigram check` les liste, `--strict` refuse de répondre)
cli-proposal-refused = erreur : la proposition ne peut pas être appliquée ; rien d’autre n’a été fait
cli-builtin-note = remarque : il n’y a pas de dossier ./org ici ; voici donc la description intégrée à organigram ; indiquez-en une autre avec --org
cli-lookup-did-you-mean = aide : vouliez-vous dire l’une de celles-ci ?
cli-lookup-ambiguous = aide : désignez l’une d’elles par son identifiant :
cli-lookup-find = aide : `organigram find TEXTE` liste les unités qui correspondent à un texte
check-proposal = Proposition : { $title } ({ $file }, { $changes ->
    [one] { $changes } modification
   *[other] { $changes } modifications
})
check-new-problems = Nouveaux problèmes ({ $n })
check-old-problems = Problèmes déjà présents ({ $n })
check-solved-problems = Problèmes que la proposition résout ({ $n })
check-structural-change = Changements de structure
check-no-change = aucun
check-by-code = par code : { $counts }
check-nothing-new =  ; rien de nouveau avec la proposition
check-new-with =  ; nouveaux avec la proposition : { $new }
check-solved-by-it =  ; { $n ->
    [one] { $n } problème résolu
   *[other] { $n } problèmes résolus
} par la proposition

## Sortie texte des requêtes

unit-line = { $label } — { $kind }, { $organisation }
print-vacant = vacant
print-level = [niveau { $level }]
print-from = à partir du { $date }
print-until = jusqu’au { $date }
show-kind = type
show-organisation = organisme
show-aliases = autres noms
show-status = statut
show-vacant = poste vacant
show-yes = oui
show-headcount = effectif
show-remit = missions
show-location = implantation
show-boundary = limite
show-note = note
show-source = source
show-declared-at = déclaré dans
show-parents = Unités de rattachement ({ $n })
show-children = Unités rattachées ({ $n })
show-other-ties = Autres liens ({ $n })
chain-end-top = sommet de sa hiérarchie
chain-end-parent-outside = son supérieur n’appartient pas à la description : la chaîne en sort ici
chain-end-orphan = ni supérieur ni limite déclarés : une unité orpheline, sommet de ce qui est décrit
chain-already-shown = ses supérieurs figurent plus haut, sous { $unit }
chain-cycle = un cycle : cette unité figure déjà sur la branche ci-dessous
subordinates-counts = { $direct } en direct, { $total } au total{ $vacant ->
    [0] {""}
    [one] , { $vacant } poste vacant
   *[other] , { $vacant } postes vacants
}
subordinates-deeper = niveaux inférieurs non affichés
subordinates-also-under = ses subordonnés figurent sous son autre supérieur, { $unit }
subordinates-cycle = un cycle : cette unité figure déjà plus haut
stats-subtree = La branche de { $unit }
stats-whole = L’ensemble de la description
stats-units = unités
stats-units-value = { $total } (dont { $posts } postes{ $collective ->
    [0] {""}
   *[other]  ; { $collective } désignent des ensembles nommés seulement comme tels
})
stats-layers = niveaux
stats-vacant-posts = postes vacants
stats-span = encadrement
stats-span-value = min. { $min }, médiane { $median }, max. { $max }, sur { $managers } unités ayant des subordonnés directs
stats-span-none = aucune unité n’a de subordonnés directs
stats-headcount-target = effectif cible
stats-headcount-actual = effectif réel
stats-headcount-none = aucun déclaré
stats-headcount = { $people } personnes, déclarées par { $units ->
    [one] { $units } unité
   *[other] { $units } unités
}{ $inexact ->
    [0] {""}
    [one]  ; { $inexact } de ces effectifs est approximatif
   *[other]  ; { $inexact } de ces effectifs sont approximatifs
}
stats-by-kind = Unités par type
stats-by-organisation = Unités par organisme

## Organigrammes

chart-org-chart = Organigramme
chart-cooperation = Carte des coopérations
chart-landscape = Vue d’ensemble
chart-under = à partir de { $unit }
chart-around = autour de { $unit } ({ $radius ->
    [one] { $radius } lien
   *[other] { $radius } liens
})
chart-as-proposed = , selon la proposition
chart-tie-tooltip = { $kind } : { $from } → { $to }
chart-legend = Légende
chart-by-the-proposal = { $change } par la proposition
chart-vacant = vacant
chart-parent-outside = parent hors description

## Dirigeants, ligne hiérarchique des postes et organismes

show-headed-by = dirigé par
show-heads = dirige
show-answers-to = rend compte à
show-collective = collectif
show-collective-value = oui, un ensemble nommé seulement comme tel
show-vacant-from = vacant à partir du
show-recruiting = recrutement en cours
show-newly-created = création de poste
show-term = durée de nomination
show-term-value = { $months } mois
show-grade = classement
show-role = rôle
show-within = au sein de
organisation-own = organisme à part entière, non décrit ici
organisation-named = { $name }, non décrit ici
organisation-outside = hors de tout organisme
because-line-authority = autorité hiérarchique
because-attached-to = rattaché à ce poste
because-head-of-its-unit = à la tête de son unité, { $unit }
because-head-above = à la tête de { $unit }, au-dessus
because-unit-under = { $unit } lui est rattaché
manager = { $post } ({ $because })
chain-line-of-posts = Ligne hiérarchique des postes
chain-headed-by = dirigé par { $post }
chain-answers-to = rend compte à { $manager }
chain-top-of-line = ne rend compte à aucun poste de la description
subordinates-reports = Ligne hiérarchique des postes : { $direct ->
    [one] { $direct } subordonné direct
   *[other] { $direct } subordonnés directs
}, { $total ->
    [one] { $total } poste
   *[other] { $total } postes
} au total
superior-common-manager = Dans la ligne hiérarchique des postes, tous deux rendent compte à { $post }
superior-line-from = depuis { $unit } : { $steps }
superior-then = , puis{" "}
stats-in-named-organisations = (organismes cités, non décrits)
stats-outside-every-organisation = (hors de tout organisme)
chart-as-a-whole = ensemble
chart-head = direction : { $name }
chart-head-vacant = direction : { $name } · vacant
chart-cut = +{ $n } en dessous
check-two-heads = { $unit } a deux dirigeants à la fois : `{ $first }` et `{ $second }`
check-two-heads-label = le dirige ici
check-two-heads-related = et ici
check-two-heads-hint = une unité a un dirigeant à la fois : terminez le lien du dirigeant parti par un `valid_until`, ou faites commencer le nouveau par un `valid_from`
check-head-outside-unit = { $post } dirige `{ $unit }` mais est rattaché à { $other }
check-head-outside-unit-label = rattaché ici
check-head-outside-unit-related = dirige cette unité
check-head-outside-unit-hint = un dirigeant siège dans l’unité qu’il dirige, qui rend compte à l’unité au-dessus : supprimez le rattachement, ou rattachez plutôt là l’unité qu’il dirige ; une autorité exercée ailleurs est un lien `line-authority`
check-authority-against-heads = { $post } est placé sous l’autorité de `{ $manager }`, qui ne siège dans aucune unité au-dessus de `{ $unit }`
check-authority-against-heads-label = autorité hiérarchique ici
check-authority-against-heads-hint = d’après les dirigeants, il rend compte à `{ $head }` ; si cette autorité est voulue, c’est peut-être un lien `functional-reporting`, ou le poste relève d’une autre unité
check-authority-against-heads-hint-headless = si cette autorité est voulue, c’est peut-être un lien `functional-reporting`, ou le poste relève d’une autre unité
render-frameless = { $id } ne désigne aucune unité de la description, si bien qu’aucune unité ne lui appartient : son fichier ne fait que regrouper des unités, chacune appartenant à l’organisme où mène sa ligne
    help : donnez à son bloc organisation une `unit` (l’unité qu’est l’organisme), ou dessinez ses unités avec --root ou --focus

## Sortie texte de find, partners, path, superior et diff

lookup-unknown = aucune unité ne correspond à `{ $text }`
lookup-ambiguous = `{ $text }` correspond à { $n } unités
find-matched = trouvée par { $field ->
    [acronym] son sigle
    [alias] un autre nom
    [former-name] un ancien nom
    [former-acronym] un ancien sigle
    [remit] sa mission
    [role] un de ses rôles
    [note] sa note
   *[other] { $field }
} « { $text } »
find-more = … et { $n } de plus (--limit pour les afficher)
partners-none = { $unit } n’a aucun partenaire dans la description.
partners-title = Partenaires de { $unit } ({ $n })
partners-inherited = lien hérité de ce supérieur
path-over = {" "}par les liens { $kinds }
path-none = Aucun chemin entre { $a } et { $b }{ $over }.
path-shortest = Plus court chemin ({ $hops ->
    [one] { $hops } lien
   *[other] { $hops } liens
}){ $over } :
path-connection-of = Chemin { $i } sur { $n } ({ $hops ->
    [one] { $hops } lien
   *[other] { $hops } liens
}){ $over } :
path-backwards = , parcouru à rebours
superior-none = { $a } et { $b } n’ont aucun supérieur commun dans la description.
superior-found = { $n ->
    [one] Le supérieur commun le plus proche de { $a } et de { $b } :
   *[other] Les { $n } supérieurs communs les plus proches de { $a } et de { $b } :
}
superior-from-itself = depuis { $unit } : c’est cette unité
superior-from = depuis { $unit } ({ $steps ->
    [one] { $steps } échelon
   *[other] { $steps } échelons
}) :
diff-quoted = « { $text } »
diff-proposal-title = Modifications de { $before } à { $after }
diff-not-held = avertissement : une proposition ne peut pas dire que { $kind ->
    [organisation-added] l’organisation `{ $id }` est ajoutée (un nouveau fichier de description) : ses unités sont laissées de côté, et leurs liens
    [organisation-removed] l’organisation `{ $id }` est retirée (un fichier de description disparu)
    [organisation-changed] l’organisation `{ $id }` a changé de nom, de sigle ou d’unité
    [source-removed] la source `{ $id }` est retirée
    [source-changed] la source `{ $id }` a changé
    [unit-moved-to-another-file] l’unité `{ $id }` est désormais déclarée dans le fichier d’une autre organisation
    [tie-to-no-unit] { $id }, un lien dont une extrémité n’est pas une unité
   *[unexpected] { $id } est tel qu’il est : appliquée, la proposition en donne un autre
}
diff-not-held-unread = avertissement : une proposition ne peut pas contenir ce que dit { $path } là où il n’a pas pu être lu ({ $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, `organigram check` les liste)
diff-not-held-summary = erreur : la proposition ne transforme pas { $before } en { $after } entièrement : { $n ->
    [one] la différence ci-dessus ne peut pas être dite
   *[other] les { $n } différences ci-dessus ne peuvent pas être dites
} dans une proposition ; elle contient toutes les autres
diff-name = nom
diff-acronym = sigle
diff-kind = type
diff-parents = rattachements
diff-units-added = Unités ajoutées
diff-units-removed = Unités supprimées
diff-units-changed = Unités modifiées
diff-ties-added = Liens ajoutés
diff-ties-removed = Liens supprimés
diff-ties-changed = Liens modifiés

## Importation

import-not-utf8 = { $file } n’est pas un texte UTF-8 (à partir de l’octet { $byte })
import-control-character = { $what } contient le caractère de contrôle U+{ $code }
import-control-character-hint = supprimez-le : les textes d’une description ne contiennent aucun caractère de contrôle hormis les tabulations et les sauts de ligne
import-refused = erreur : { $file } comporte { $problems ->
    [one] { $problems } problème
   *[other] { $problems } problèmes
} ; rien n’a été écrit
import-error = erreur : { $problem }
import-warning = avertissement : { $problem }
import-more-problems = … et { $n } de plus, non montrés
import-kind-count = { $n } { $kind }
import-summary = { $units ->
    [one] { $units } unité
   *[other] { $units } unités
} et { $ties ->
    [one] { $ties } lien
   *[other] { $ties } liens
}{ $by_kind } écrits en { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} dans { $output }{ $several ->
    [0] {""}
    [one]  ; { $several } unité a plusieurs rattachements
   *[other]  ; { $several } unités ont plusieurs rattachements
}{ $dissolved ->
    [0] {""}
    [one]  ; { $dissolved } dissoute
   *[other]  ; { $dissolved } dissoutes
}

## Les messages propres à la ligne de commande

cli-error = erreur : { $message }
cli-cannot-write = erreur : impossible d’écrire la sortie : { $error }
cli-default-org-broken-link = ./org, la description par défaut, est un lien symbolique qui ne mène nulle part ; réparez-le, ou indiquez une description avec --org
cli-default-org-not-a-folder = ./org, la description par défaut, n’est pas un dossier ; indiquez une description avec --org
lsp-one-org = le serveur de langage lit un seul dossier de description : donnez --org une fois
lsp-failed = le serveur de langage s’est arrêté : { $error }
cli-option-does-not-apply = { $option } ne s’applique pas à `{ $command }`, qui { $reads ->
    [two-descriptions] compare les deux descriptions qui lui sont données
    [import] lit le registre ou le fichier CSV qui lui est donné
    [whole-timeline] retrace toute l’existence de l’unité, à toutes les dates
    [two-dates] compare les descriptions qui lui sont données (celle de `--org` quand aucune ne l’est) telles qu’elles sont aux dates de `--from` et de `--to`
    [apply] travaille au jour où la proposition prend effet, sa date `effective`
    [files] met en forme les fichiers qui lui sont donnés
    [edit] modifie les fichiers de la description tels qu’ils sont, hors de toute date
    [workspace] vérifie chaque proposition du dossier `proposals/` de la description
   *[nothing] ne lit aucune description
}

## Explication d’un code

check-explain = { $code } ({ $severity ->
    [error] erreur
    [warning] avertissement
   *[note] remarque
} par défaut)

## Propositions

proposal-source-declared = la source `{ $id }` est déjà déclarée
proposal-source-declared-hint = citez la source déjà déclarée, ou donnez à celle-ci un autre identifiant
proposal-removed-earlier = `{ $id }` est supprimé par une modification précédente
proposal-removed-earlier-label = n’existe plus
proposal-removed-by-this-change = supprimé par cette modification
proposal-removed-earlier-hint = chaque modification s’applique à la structure que laissent les précédentes : réordonnez les modifications, ou retirez-en une
proposal-unit-unreadable-hint = l’unité est déclarée mais n’a pas pu être lue : corrigez ses erreurs
proposal-unit-exists = l’unité `{ $id }` existe déjà
proposal-declared-here = déclarée ici
proposal-unit-exists-hint = donnez un autre identifiant à la nouvelle unité, ou modifiez l’unité existante
proposal-id-not-reused = `{ $id }` est supprimé par une modification précédente, et une proposition ne réutilise pas un identifiant
proposal-id-not-reused-hint = donnez un autre identifiant à la nouvelle unité, ou modifiez l’unité au lieu de la supprimer
proposal-unit-declared = l’unité `{ $id }` est déjà déclarée
proposal-unit-declared-hint = donnez un autre identifiant à la nouvelle unité
proposal-id-taken = déjà pris
proposal-vacant-not-post = `vacant` est réservé aux postes, et `{ $id }` est de type « { $kind } »
proposal-vacant-not-post-hint = déclarez la fonction comme une unité de type `post`
proposal-unknown-organisation-hint = indiquez l’`organisation.id` d’un fichier de la description
proposal-unknown-organisation = organisme inconnu : `{ $id }`
proposal-unknown-organisation-label = aucun fichier de la description n’a cet identifiant d’organisme
proposal-move-kind = un lien `{ $kind }` ne déplace pas une unité
proposal-move-kind-hint = un déplacement place l’unité sous son nouveau parent : `attachment`, `line-authority` ou `joint-attachment`
proposal-move-under-itself = `{ $id }` ne peut pas être placé sous lui-même
proposal-move-under-itself-hint = indiquez le nouveau parent dans `to`
proposal-move-changes-nothing = le déplacement ne change rien, c’est déjà le cas : { $tie }
proposal-move-changes-nothing-hint = retirez la modification, ou indiquez un autre parent
proposal-rename-nothing = ce renommage ne donne aucun nouveau nom
proposal-rename-nothing-hint = donnez un `name`, un `acronym` (`null` le supprime), ou les deux
proposal-rename-same = `{ $id }` a déjà ce nom et ce sigle
proposal-drop-the-change = retirez la modification
proposal-update-field = `update` ne peut pas modifier `{ $field }`
proposal-update-field-hint = { $field ->
    [id] une unité garde son identifiant : retirez-la et ajoutez-en une autre pour le changer
    [kind] changez la nature d’une unité avec `change-kind`
   *[other] changez le nom ou le sigle d’une unité avec `rename`
}
proposal-update-unreadable-label = avec ces champs, l’unité ne se lit pas comme un fichier de description la déclare
proposal-update-same = `{ $id }` a déjà ces valeurs
proposal-kind-same = `{ $id }` est déjà de type « { $kind } »
proposal-merge-itself = `{ $id }` ne peut pas être fusionné avec lui-même
proposal-merge-itself-hint = indiquez dans `into` l’unité qui subsiste
proposal-split-too-few = une unité se scinde en au moins deux nouvelles unités
proposal-split-too-few-hint = pour donner un autre identifiant à une unité, ajoutez la nouvelle unité et fusionnez-y l’ancienne
proposal-split-same-id = `{ $id }` est donné à deux des nouvelles unités
proposal-split-same-id-hint = donnez à chaque nouvelle unité son propre identifiant
proposal-no-tie = il n’existe aucun lien { $tie }
proposal-no-tie-of-split-label = l’unité scindée n’a pas ce lien
proposal-no-tie-of-split-hint = une affectation désigne un lien de l’unité scindée tel que la description l’énonce
proposal-assign-not-new = `{ $id }` n’est pas l’une des unités issues de la scission de `{ $split }`
proposal-assign-not-new-hint = affectez le lien à l’une des unités énumérées dans `into`
proposal-assigned-twice = ce lien est affecté deux fois
proposal-first-assigned-here = affecté une première fois ici
proposal-assigned-twice-hint = ne gardez qu’une des deux affectations
proposal-no-tie-between = la description n’a aucun lien entre `{ $from }` et `{ $to }`
proposal-ties-stated = entre elles, la description énonce : { $states }
proposal-ties-stated-and = { $states } ; { $tie }
proposal-no-such-tie = ce lien n’existe pas
proposal-check-path = vérifiez le chemin donné à --proposal
proposal-add-unit-organisation = une unité ajoutée indique son organisme
proposal-add-unit-organisation-label = à quel organisme appartient cette unité ?
proposal-add-unit-organisation-hint = ajoutez `"organisation": "…"` à la modification, avec l’identifiant de l’organisme d’un fichier de la description
proposal-organisation-only-add-unit = `organisation` ne va qu’avec `add-unit`
proposal-organisation-only-add-unit-hint = seule une unité ajoutée doit indiquer son organisme : retirez-le de ce `{ $operation }`
proposal-no-operation = cette modification ne contient aucune opération
proposal-no-operation-hint = une modification contient l’une des opérations `add-unit`, `add-tie`, `remove-unit`, `remove-tie`, `move`, `rename`, `change-kind`, `merge` et `split`
proposal-several-operations = cette modification contient { $n } opérations ({ $names }) ; une modification n’en contient qu’une
proposal-several-operations-hint = écrivez chaque opération comme une modification distincte

## Lecture des fichiers

read-empty-description = aucun fichier de description dans { $path }
read-empty-description-hint = une description est un dossier de fichiers .json, ou un seul fichier .json
read-check-path = vérifiez le chemin
read-permissions-hint = vérifiez les droits d’accès au fichier
read-loop-hint = un lien symbolique du chemin renvoie à lui-même
read-pipe-hint = organigram ne lit que des fichiers ordinaires ; pour lire depuis un tube, donnez `-` comme chemin et redirigez le tube vers l’entrée standard
read-regular-only-hint = organigram ne lit que des fichiers ordinaires
read-too-large-hint = relevez la limite avec --max-file-size si le fichier doit vraiment être aussi gros
read-link-leaves-folder-hint = organigram ne suit un lien que vers un fichier du même dossier, afin qu’une description ne puisse pas montrer le contenu de fichiers que personne n’a désignés ; passez --follow-links pour le suivre malgré tout
read-io = impossible de lire { $path } : { $error }
read-not-regular = impossible de lire { $path } : c’est { $what }, et non un fichier ordinaire
read-too-large = { $path } dépasse la limite de { $limit } octets
read-link-leaves-folder = { $path } est un lien symbolique vers { $target }, hors de son dossier : il n’est pas lu
read-sentence = { $message } ; { $hint }
read-not-description = { $path } n’est pas un fichier de description : { $holds ->
    [nothing] il est vide
    [list] un fichier de description contient un objet JSON, et ce fichier contient une liste
   *[other] un fichier de description contient un objet JSON, qui commence par `{"{"}`, et ce fichier n’en commence pas par un
}
read-not-description-hint = vérifiez que le chemin désigne un fichier de description d’organigram (un fichier .json)
read-invalid-utf8 = UTF-8 invalide : l’octet 0x{ $byte } ne peut ni commencer ni continuer un caractère
read-save-as-utf8 = enregistrez le fichier en UTF-8

## Le lecteur JSON

json-syntax = JSON invalide : { $what }
json-unknown-field = champ inconnu : `{ $field }`
json-unknown-value = valeur inconnue : `{ $value }`
json-missing-field = champ manquant : `{ $field }`
json-duplicate-key = clé en double : `{ $key }`
json-too-deep = imbrication de plus de { $limit } niveaux
json-control-character = { $bidi ->
    [yes] un texte contient U+{ $code }, un caractère de contrôle bidirectionnel, qui fait s’afficher le texte dans un autre ordre que celui où il est écrit
   *[no] un texte contient le caractère de contrôle U+{ $code }
}
json-found-number = le nombre { $n }
json-found-text = le texte { $text }
json-a-list = une liste
json-an-object = un objet
json-bytes = des octets
json-a-value = une valeur
json-a-text = un texte
json-a-boolean = `true` ou `false`
json-a-whole-number = un nombre entier
json-a-number = un nombre
json-a-value-or-null = une valeur ou `null`
json-expected-found = { $expected } était attendu, et non { $found }
json-not-allowed = { $found } n’est pas admis ici : { $expected } était attendu
json-found-slash = `/` (JSON n’admet pas de commentaires)
json-found-quote = `'` (les chaînes JSON s’écrivent entre guillemets doubles)
json-found-byte = l’octet 0x{ $byte }
json-ends-where-expected = le fichier se termine là où { $expected } était attendu
json-a-json-value = une valeur JSON
json-a-digit = un chiffre
json-a-digit-after-point = un chiffre après la virgule
json-a-digit-in-exponent = un chiffre dans l’exposant
json-a-key = une clé entre guillemets doubles
json-text-after-end = texte inattendu après la fin du document
json-string-never-closed = cette chaîne n’est jamais fermée
json-invalid-escape = échappement invalide : JSON connaît \" \\ \/ \b \f \n \r \t et \uXXXX
json-line-break-in-string = un saut de ligne dans une chaîne : écrivez-le \n
json-nul-in-string = un octet NUL dans une chaîne
json-control-in-string = caractère de contrôle 0x{ $byte } dans une chaîne : échappez-le en \u00{ $byte }
json-invalid-u-escape = échappement \u invalide : quatre chiffres hexadécimaux étaient attendus
json-lone-high-surrogate = demi-code isolé dans un échappement \u : un demi-code haut doit être suivi d’un demi-code bas
json-invalid-surrogate-pair = paire de demi-codes invalide dans un échappement \u
json-lone-low-surrogate = demi-code isolé dans un échappement \u : un demi-code bas doit suivre un demi-code haut
json-leading-zeros = un nombre ne commence pas par des zéros
json-number-out-of-range = le nombre { $number } est hors limites
json-trailing-comma = virgule en trop avant `{ $close }`
json-expected-object = un objet `{"{"} … {"}"}` était attendu, et non { $found }
json-colon-after-key = `:` après la clé
json-comma-or = `,` ou `{ $close }`
json-the-end-of-the-file = la fin du fichier
json-an-array = un tableau
json-a-string = une chaîne
json-a-boolean-found = un booléen
json-not-json = quelque chose qui n’est pas du JSON

## Dessin, génération et export

render-all-needs-output = --all demande -o DOSSIER
render-binary-to-terminal = { $format } est un format binaire, et la sortie standard est un terminal : écrivez-le dans un fichier avec -o, ou redirigez la sortie standard
render-nothing-to-draw = rien à dessiner : aucune unité n’est retenue à la fois par { $options }
    aide : une unité sous --root peut appartenir à un autre organisme que --organisation, et --view cooperation ne dessine que les unités ayant des liens hors de la hiérarchie ; retirez ou modifiez l’une des options
render-too-large = cet organigramme dessine { $units } unités et { $ties } liens, plus que { $built_in ->
    [yes] la mise en page intégrée d’organigram, utilisée sans Graphviz, n’en dispose
   *[no] Graphviz n’en dispose
} en un temps et une mémoire raisonnables (son temps croît bien plus vite que l’organigramme)
    aide : dessinez-en une partie avec --root UNITÉ, --focus UNITÉ --radius N, --organisation ORG ou --unit-kind TYPE ; ou passez --large-chart pour le dessiner quel que soit le temps nécessaire ; --format dot et --format mermaid s’écrivent à toute taille
render-graphviz-warning = avertissement : Graphviz : { $warning }
render-built-in-layout = remarque : Graphviz n’est pas installé ; ce SVG vient donc de la mise en page intégrée d’organigram, plus simple (ni regroupements, ni légende) ; installez Graphviz pour une meilleure mise en page
render-straight-ties = remarque : Graphviz n’a pas pu dessiner en courbes certains liens de cet organigramme (un défaut de Graphviz 2.x avec des organismes imbriqués) ; ses liens sont donc des droites
render-quick-layout = remarque : cet organigramme est grand ({ $units } unités, { $ties } liens) ; Graphviz l’a donc mis en page avec moins d’effort : liens droits, moins de passes ; --large-chart lui demande tout son effort, quel que soit le temps nécessaire
render-not-drawn-as-svg = remarque : { $name } n’est pas dessiné en SVG : il compte { $units } unités et { $ties } liens, plus que Graphviz n’en met en page en un temps raisonnable ; son DOT est écrit, et --large-chart le dessine malgré tout
render-wrote = { $n } fichiers écrits dans { $dir } : { $files }
render-bad-link-base = --link-base { $base } n’est pas une base de liens : { $why ->
    [empty] elle est vide
    [long] elle dépasse 2 000 caractères
    [scheme] seules les URL http et https sont acceptées, ou un chemin relatif
    [host] une URL absolue demande un hôte
   *[character] elle contient un caractère qui ne s’écrit pas dans une URL (une espace, un guillemet, <, >, \, une lettre hors ASCII, ou un % non suivi de deux chiffres hexadécimaux)
}
    aide : donnez une URL http ou https comme https://intranet.example/unites/, ou un chemin comme unites/ ; chaque unité pointe vers cette base suivie de son identifiant
render-unknown-organisation = aucun organisme ne s’appelle `{ $text }`
    aide : les organismes sont { $known }
render-page-unreadable = avertissement : ajusté au format { $page }, cet organigramme est dessiné à { $percent } % de sa taille, si bien que son texte de 10 pt s’imprime en { $points } pt, sous les 6 pt où se lit un organigramme
    aide : dessinez-en moins avec --depth N, --root UNITÉ ou --organisation ORG, ou choisissez une page plus grande (--page a3)
render-page-mermaid = --page ne s’applique pas à Mermaid, que met en page la page qui l’affiche : retirez --page, ou choisissez --format dot, svg, png ou pdf
generate-wrote = { $units } unités écrites en { $files } fichiers dans { $dir }

## Importation d’un fichier CSV

csv-duplicate-id = l’identifiant `{ $id }` est déjà celui de la ligne { $line }
csv-duplicate-id-made = l’identifiant `{ $id }` est déjà celui de la ligne { $line } ({ $raw } et { $first_raw } donnent le même identifiant)
csv-duplicate-id-hint = chaque ligne est une unité : donnez à chacune son propre identifiant, ou, quand les lignes sont l’histoire d’une unité, donnez les colonnes de leurs dates (--valid-from, --valid-until)
csv-no-rows = le fichier a une ligne d’en-tête mais aucune ligne après elle : il n’y a aucune unité à importer
csv-no-rows-hint = ajoutez une ligne par unité sous l’en-tête, ou vérifiez que c’est bien le fichier exporté
csv-own-parent = `{ $id }` est son propre parent
csv-parent-outside = le parent { $parent } de `{ $id }` n’est l’identifiant d’aucune ligne : `{ $id }` est importé avec son parent hors du fichier
csv-id-empty = l’identifiant ({ $column }) est vide
csv-id-no-letter = l’identifiant { $id } ne contient aucune lettre ni aucun chiffre dont faire un identifiant
csv-name-empty = le nom ({ $column }) est vide
csv-unknown-kind = type d’unité inconnu : { $kind }
csv-kinds-are = les types sont { $kinds }
csv-no-column = aucune colonne ne s’appelle { $name } (donnée par { $flag })
csv-columns-are = les colonnes sont { $columns }
csv-no-column-found = l’en-tête n’a pas de colonne { $what ->
    [ids] des identifiants des unités
    [parents] des identifiants des parents
   *[names] des noms
} : aucune ne s’appelle { $headers }
csv-no-column-found-hint = donnez l’en-tête de la colonne avec { $flag } COLONNE ; { $columns }
csv-name-empty-hint = une ligne au nom vide donne un autre lien d’une unité qui a sa propre ligne avec un nom, et aucune ligne de `{ $id }` n’a de nom : donnez son nom
csv-further-no-parent = cette ligne de `{ $id }` n’a ni nom ni parent : une ligne au nom vide donne un autre lien de son unité, vers le parent qu’elle nomme
csv-further-no-parent-hint = donnez le parent, ou supprimez la ligne
csv-further-values = cette ligne de `{ $id }` n’a pas de nom : elle ne donne qu’un autre lien de `{ $id }`, et ses autres cellules (type, sigle, effectif…) ne sont pas lues
csv-further-values-hint = donnez les faits de l’unité sur sa ligne avec un nom, ou donnez un nom à cette ligne si c’est une autre unité
csv-bad-headcount = { $headcount } n’est pas un effectif (la cellule { $header })
csv-bad-headcount-hint = écrivez un nombre entier de personnes, comme 12 ou 1 200
csv-bad-vacancy = { $vacancy } ne dit pas si le poste est vacant (la cellule { $header })
csv-bad-vacancy-hint = écrivez oui, yes, vrai, 1 ou vacant pour un poste vacant ; non, no, faux, 0 ou pourvu pour un poste pourvu ; ou laissez la cellule vide
csv-bad-status = { $status } n’est pas un statut (la cellule { $header })
csv-bad-status-hint = écrivez en fonctionnement (ou laissez la cellule vide), en cours de constitution, en projet ou dissous, ou en anglais active, being-set-up, planned ou dissolved
csv-organisation-no-letter = l’organisation { $organisation } ne contient ni lettre ni chiffre dont faire un identifiant
csv-organisation-no-letter-hint = donnez l’identifiant de l’organisation, comme justice, ou laissez la cellule vide pour l’organisation du fichier
csv-vacant-not-post = `{ $id }` est dit vacant, mais c’est un type { $kind } : seuls les postes sont vacants
csv-vacant-not-post-hint = donnez à la ligne le type post (poste), ou laissez sa cellule de vacance vide
csv-bad-id-prefix = le préfixe d’identifiant { $prefix } ne ferait pas des identifiants : un identifiant s’écrit en minuscules, chiffres et tirets simples
csv-bad-id-prefix-hint = donnez un préfixe comme { $slug }
csv-tie-not-hierarchical = une ligne place son unité sous son parent, et les liens { $kind } ne placent aucune unité sous une autre
csv-unknown-tie = type de lien inconnu : { $kind }
csv-ties-are = les types de liens vers un parent sont { $kinds }
csv-ragged = cette ligne a { $cells ->
    [one] { $cells } cellule
   *[other] { $cells } cellules
} quand l’en-tête en a { $expected }
csv-ragged-short = { $row } : elle s’arrête avant la colonne { $column }
csv-ragged-short-hint = donnez à chaque ligne autant de cellules que l’en-tête, vides comprises ({ $example })
csv-ragged-long = { $row } : { $extra ->
    [one] cette cellule est en trop
   *[other] cette cellule est la première des { $extra } en trop
}

## Écriture des fichiers

write-formats-disagree = --format { $given } et l’extension de { $path } ({ $named }) ne concordent pas ; les formats sont { $formats }
write-format-unknown = impossible de savoir dans quel format écrire { $path } d’après son extension ; donnez --format, ou l’extension de l’un des formats : { $formats }
write-read-file = impossible d’écrire { $path } : c’est l’un des fichiers que lit cette commande, et l’écrire le détruirait ; indiquez un autre fichier
write-cannot-use = impossible d’utiliser { $path } : { $error }
write-foreign-files = { $path } contient des fichiers de description qui ne sont pas en cours d’écriture ({ $names }) : charger le dossier les mêlerait aux nouveaux ; supprimez-les ou choisissez un nouveau dossier
write-not-a-file = impossible d’écrire { $path } : c’est { $what }, et organigram n’écrit que là où se trouve un fichier ordinaire ou rien ; indiquez un autre chemin
write-not-plain = impossible d’écrire { $path } : son nom n’est pas un simple nom de fichier, et sortirait du dossier
write-busy = impossible d’écrire dans { $path } : une autre exécution d’organigram écrit dans ce dossier au même moment ; rien n’a été écrit : relancez la commande une fois qu’elle sera terminée
write-changed = impossible d’écrire { $path } : un autre programme a modifié son dossier pendant qu’organigram y écrivait ; relancez la commande
write-failed = impossible d’écrire { $path } : { $error }
write-names-no-file = { $path } ne désigne aucun fichier

## Import du registre GOV.UK

govuk-field = le champ { $field } de `{ $slug }`
govuk-slug-no-letter = l’organisme { $n } ({ $title }) a le slug { $slug }, qui ne contient aucune lettre ni aucun chiffre dont faire un identifiant
govuk-slug-no-letter-hint = donnez-lui un slug fait de lettres, de chiffres et de traits d’union
govuk-slug-not-an-id = le slug { $slug } de { $title } n’est pas un identifiant : il est écrit `{ $id }`
govuk-duplicate-id = { $title } et { $first_title } ont tous deux l’identifiant `{ $id }`
govuk-duplicate-id-hint = les identifiants sont uniques : changez l’un des deux slugs
govuk-link-names-nothing = `{ $unit }` renvoie à { $link } dans son champ { $relation }, qui ne désigne aucun organisme
govuk-link-names-nothing-hint = l’identifiant d’un lien est l’adresse d’un organisme dans l’API, qui finit par son slug
govuk-not-an-id = l’import a produit un identifiant qui n’en est pas un : { $error }
govuk-not-json = ce n’est pas le JSON du registre : { $error }
govuk-not-json-hint = le fichier doit contenir les résultats de l’API Organisations, les `results` de toutes les pages réunis dans un seul tableau JSON
govuk-register-id = l’organisme `{ $id }` a l’identifiant du fichier des organismes sans parent ni enfant
govuk-register-id-hint = changez le slug `{ $slug }`
govuk-unknown-format = { $count ->
    [one] { $count } organisme du format { $format }, que l’import ne connaît pas, importé comme { $kind }
   *[other] { $count } organismes du format { $format }, que l’import ne connaît pas, importés comme { $kind }
}
govuk-unconfirmed-parent = `{ $parent }` compte `{ $child }` parmi ses organismes enfants, mais `{ $child }` ne le désigne pas comme parent : c’est noté sur `{ $child }`, sans en faire un lien
govuk-unconfirmed-parent-hint = la page d’un organisme fait foi pour ses parents
govuk-outside = `{ $unit }` désigne `{ $outside }` dans son champ { $relation }, mais le registre ne le contient pas : il est importé comme une unité sans `boundary`, ce que `check` signale
govuk-outside-hint = décrivez-le à la main (nom, type, place), ou supprimez le lien, une fois que vous savez ce que c’est

## Lecture du texte d’un fichier CSV

csv-utf16-without-mark = le fichier semble être du texte { $encoding } sans indicateur d’ordre des octets, et non de l’UTF-8 : un octet sur deux vaut 0
csv-utf16-without-mark-hint = importez-le avec --encoding { $flag }, ou enregistrez-le en UTF-8
csv-utf8-read-as = le fichier est du texte UTF-8, lu en { $encoding } comme le demande --encoding : { $letter } et toutes les autres lettres hors ASCII sortent déformées ({ $garbled })
csv-utf8-read-as-hint = importez-le sans --encoding : l’UTF-8 est l’encodage par défaut
csv-not-encoding = le fichier n’est pas du texte { $encoding } : ses octets à partir de la position { $offset } ne forment aucun caractère (une moitié de paire de substitution, ou un octet isolé à la fin)
csv-not-encoding-hint = vérifiez dans quel encodage le fichier a été enregistré, et indiquez-le avec --encoding, ou enregistrez-le en UTF-8
csv-not-utf8 = le fichier n’est pas un texte UTF-8 : cet octet, 0x{ $byte }, n’en est pas{ $other_lines ->
    [0] {""}
    [one] , pas plus que des octets sur { $other_lines } autre ligne après lui
   *[other] , pas plus que des octets sur { $other_lines } autres lignes après lui
}{ $windows ->
    [yes] ; il semble être en Windows-1252, l’encodage des fichiers CSV qu’Excel enregistre en français, où { $n ->
        [1] 0x{ $b1 } est { $c1 }
        [2] 0x{ $b1 } est { $c1 } et 0x{ $b2 } { $c2 }
       *[other] 0x{ $b1 } est { $c1 }, 0x{ $b2 } { $c2 } et 0x{ $b3 } { $c3 }
    }
   *[no] {""}
}
csv-not-utf8-windows-1252-hint = importez-le avec --encoding windows-1252, ou enregistrez-le depuis Excel au format « CSV UTF-8 (délimité par des virgules) »
csv-not-utf8-hint = trouvez dans quel encodage le fichier a été enregistré et indiquez-le avec --encoding (utf-8, windows-1252, latin-1, utf-16le, utf-16be), ou enregistrez-le en UTF-8
csv-bad-delimiter = le séparateur { $delimiter } ne peut pas séparer les cellules : ce doit être un caractère ASCII autre qu’un guillemet ou un saut de ligne
csv-no-header = { $holds ->
    [nothing] le fichier est vide
    [mark] le fichier ne contient qu’un indicateur d’ordre des octets
   *[blank] le fichier ne contient que des lignes vides
} : il n’y a ni ligne d’en-tête, ni unité à importer
csv-no-header-hint = un import CSV lit une ligne d’en-tête qui nomme les colonnes, puis une ligne par unité : vérifiez qu’il s’agit bien du fichier exporté
csv-quote-never-closed = ce guillemet ouvre une cellule qui n’est jamais fermée : { $last_line ->
    [0] le reste du fichier a été lu comme une seule cellule
   *[other] le reste du fichier, jusqu’à sa dernière ligne ({ $last_line }), a été lu comme une seule cellule
}
csv-quotes-out-of-step = ce guillemet ouvre une cellule que ferme le guillemet { $line ->
    [0] de la colonne { $column }
   *[other] de la ligne { $line }, colonne { $column }
}, mais la cellule continue après lui ({ $after }) : ses guillemets sont décalés
csv-quote-hint = un guillemet au début d’une cellule l’ouvre, et le guillemet suivant la ferme : fermez le guillemet à la fin de la cellule ("Paris, France"), et doublez un guillemet qui fait partie du texte d’une cellule entre guillemets ("Bureau ""X""")
csv-wrong-delimiter = aucune colonne ne s’appelle { $names } : lu avec le séparateur { $delimiter }, l’en-tête ne forme qu’une colonne, { $header }
csv-wrong-delimiter-hint = l’en-tête contient des { $delimiter ->
    [semicolon] points-virgules : donnez --delimiter ';'
    [comma] virgules : donnez --delimiter ','
    [tab] tabulations : donnez --delimiter $'\t' (une tabulation)
   *[bar] barres verticales : donnez --delimiter '|'
}
csv-a-tab = une tabulation
csv-a-space = un espace
csv-ragged-long-hint = mettez entre guillemets une cellule qui contient { $delimiter } : "Paris{ $d } France"
csv-cell = la cellule { $header }
csv-cell-line-break = la cellule { $header } contient un saut de ligne : son guillemet, ouvert ici, se ferme à la ligne { $last_line }
csv-cell-line-break-hint = un identifiant, un parent ou un type tient sur une ligne : fermez le guillemet avant la fin de la ligne { $line }, ou supprimez-le
csv-row-too-large = cette ligne est trop grande pour être écrite : son unité occupe { $bytes } octets de JSON, et un fichier écrit en contient au plus { $max }
csv-row-too-large-hint = relevez --max-file-size : un fichier écrit en contient au plus le quart
cli-absent = { $name } n’est pas dans la structure au { $day } : { $why ->
    [ended] elle a pris fin le { $date }
    [not-yet] elle commence le { $date }
   *[ended-undated] elle a été dissoute, à une date que la description ne donne pas
}{ $count ->
    [0] {""}
   *[other] { $why ->
        [not-yet] , succédant à { $others }
       *[other] , remplacée par { $others }
    }
}
cli-absent-hint = aide : interrogez-la à une autre date avec `--as-of { $date }` ; `organigram history { $id }` retrace toute son existence
cli-absent-undated-hint = aide : donnez-lui un `valid_until` pour l’interroger avant sa fin ; `organigram history { $id }` retrace toute son existence
show-absent-shown-as-of = telle qu’elle était le { $day }
show-absent-shown-whole = avec ses liens de toutes dates
show-valid-from = depuis
show-valid-until = jusqu’au
show-was = auparavant
show-was-no-acronym = sans sigle
find-absent = Hors de la structure au { $day } :
find-absent-why = { $why ->
    [ended] a pris fin le { $date }
    [not-yet] commence le { $date }
   *[other] dissoute, à une date non donnée
}
chart-as-of = au { $day }
chart-partners = Partenaires
chart-partner = { $organisation } (partenaire)
chart-unattached = Unités non rattachées
chart-bridge = via { $n ->
    [one] { $n } unité masquée
   *[other] { $n } unités masquées
}
chart-bridge-through = via { $n ->
    [one] { $n } unité masquée
   *[other] { $n } unités masquées
} : { $units }
chart-bridge-legend = à travers des unités masquées

## Histoire (`history UNIT`) et comparaison de deux dates (`diff --from DATE --to DATE`)

history-undated = sans date
history-no-event = rien de daté : la description ne date ni l’unité ni ses liens
history-created = création
history-created-with = création : { $ties }
history-succeeded = { $count ->
    [one] a succédé à { $units }
   *[other] fusion de { $units }
}
history-succeeded-by = { $count ->
    [one] a eu pour successeur { $units }
   *[other] scission en { $units }
}
history-renamed = changement de nom : { $before } → { $after }
history-acronym-changed = changement de sigle : { $before } → { $after }
history-kind-changed = changement de type : { $before } → { $after }
history-remit-changed = changement de mission : { $before } → { $after }
history-headcount-changed = changement d’effectif : { $before } → { $after }
history-moved = { $event ->
    [attached] rattachement
    [detached] fin de rattachement
   *[moved] déplacement
} : { $before } → { $after }
history-head-changed = { $event ->
    [head-began] nouveau responsable
    [head-ended] départ du responsable
   *[head-changed] changement de responsable
} : { $before } → { $after }
history-dissolved = dissolution
diff-successions = Unités remplacées
diff-succession-kind = { $kind ->
    [merged] fusion
    [split] scission
    [merged-and-split] fusion et scission
   *[replaced] remplacement
}
cli-diff-stdin-twice = `diff --from` lit la description deux fois, une par date, et l’entrée standard ne se lit qu’une fois
cli-diff-stdin-twice-hint = aide : enregistrez la description dans un fichier et donnez son chemin
# Les importations et les exports apprennent les dates (ticket 16).
govuk-closed-undated = { $count ->
    [one] { $count } organisation fermée n’a pas de date de fermeture (`closed_at`) : dissoute à une date inconnue, elle n’est dans aucune structure à une date donnée
   *[other] { $count } organisations fermées n’ont pas de date de fermeture (`closed_at`) : dissoutes à des dates inconnues, elles ne sont dans aucune structure à une date donnée
}
govuk-closed-undated-hint = `show` affiche encore chacune, avec ses liens de toutes dates ; donnez-lui un `valid_until` quand vous savez quand elle a fermé
csv-bad-date = { $date } n’est pas une date (la cellule { $header })
csv-bad-date-hint = écrivez une date 2019, 2019-10 ou 2019-10-25, ou 25/10/2019 comme les tableurs français écrivent un jour, avec un jour qui existe dans son mois
csv-period-unordered = la ligne de `{ $id }` finit avant de commencer, ou le jour même où elle commence ({ $period })
csv-period-unordered-hint = une ligne vaut de son début (inclus) à sa fin (exclue) : sa fin vient au moins un jour après son début
csv-periods-overlap = cette ligne de `{ $id }` ({ $period }) vaut des jours où vaut aussi sa ligne { $line } ({ $other }) : une unité a un seul parent à la fois
csv-periods-overlap-hint = terminez une ligne là où commence la suivante : une ligne vaut de son début (inclus) à sa fin (exclue), ou, avec une seule colonne de dates, jusqu’au début de la ligne suivante (depuis la fin de la précédente), si bien qu’une ligne jusqu’à 2019 et une ligne depuis 2019 se suivent
export-all-dates-as-of = --all-dates exporte toutes les dates, et --as-of un seul jour : donnez l’une des deux options
export-csv-ties-left-out = remarque : le CSV ne contient que les liens hiérarchiques : { $n ->
    [one] { $n } lien a été laissé
   *[other] { $n } liens ont été laissés
} de côté ({ $ties }) ; export --format json les garde
export-csv-facts-left-out = remarque : aucune colonne du CSV ne contient ces faits, laissés de côté (avec le nombre d’unités, de liens ou d’organisations qui les donnent) : { $facts } ; export --format json les garde

## Les règles du temps (check), sur toute la description

time-between = du { $from } au { $until }
time-from = à partir du { $from }
time-until = jusqu’au { $until }
time-always = à toute date
check-time-dates-here = les dates de `{ $id }` sont données ici
check-dates-unit = { $unit } n’existe aucun jour : sa date `valid_until`, { $until }, ne suit pas sa date `valid_from`, { $from }
check-dates-tie = le lien « { $tie } » n’est en vigueur aucun jour : sa date `valid_until`, { $until }, ne suit pas sa date `valid_from`, { $from }
check-dates-label = la fin précède le début, ou tombe le jour du début
check-dates-was-order = les entrées `was` de { $unit } sont dans le désordre : celle qui va jusqu’au { $until } suit celle qui va jusqu’au { $previous }
check-dates-was-order-label = les entrées `was` vont de la plus ancienne à la plus récente, chacune finissant après la précédente
check-dates-was-early = l’entrée `was` de { $unit } qui va jusqu’au { $until } prend fin au plus tard le jour où l’unité commence, le { $from } : ce qu’elle dit ne s’est jamais appliqué
check-dates-was-late = l’entrée `was` de { $unit } qui va jusqu’au { $until } prend fin au plus tôt le jour où l’unité elle-même prend fin, le { $end } : ce que l’unité est devenue alors ne s’est jamais appliqué
check-dates-was-label = une entrée `was` prend fin un jour de l’existence de l’unité, après le premier
check-dates-hint = un fait vaut de sa date `valid_from`, incluse, à sa date `valid_until`, exclue, et une date partielle vaut pour son premier jour : `until 2019` prend fin le 2019-01-01 ; écrivez 2020 pour un fait qui a valu pendant toute l’année 2019
check-outdated-early = { $tie }, alors que `{ $id }` ne commence que le { $date }
check-outdated-early-label = en vigueur avant le début de `{ $id }`
check-outdated-early-hint = faites commencer le lien le { $date } ou après (`valid_from`), ou corrigez la date `valid_from` de `{ $id }`
check-outdated-ended = { $tie }, alors que `{ $id }` a pris fin le { $date }
check-outdated-ended-by = { $tie }, alors que `{ $id }` a pris fin le { $date }, avec pour successeur { $successors }
check-outdated-ended-label = en vigueur après la fin de `{ $id }`
check-outdated-ended-hint = faites finir le lien le { $date } ou avant (`valid_until`) s’il décrit le passé, ou supprimez-le
check-overlapping-attachments = { $unit } a deux rattachements simples à la fois, à `{ $first }` et à `{ $second }`, { $when }, dont aucun n’est conjoint
check-overlapping-attachments-hint = faites finir un rattachement le jour où l’autre commence (`valid_until`, `valid_from`), ou déclarez-les tous deux `joint-attachment` si l’unité avait alors ces deux parents
check-orphan-period = { $unit } n’a aucun parent { $when }
check-orphan-period-label = aucun lien hiérarchique n’est alors en vigueur, ni `boundary`
check-orphan-period-before = son parent jusqu’au { $date }
check-orphan-period-after = son parent à partir du { $date }
check-orphan-period-hint = rattachez l’unité pour cette période (un lien avec ses dates `valid_from` et `valid_until`), corrigez les dates de ses liens ou les siennes, ou déclarez une `boundary` si son parent d’alors n’est pas décrit
check-succession-overlap = `{ $successor }` a succédé à `{ $predecessor }` le { $start }, avant la fin de `{ $predecessor }` le { $end }
check-succession-open = `{ $successor }` a succédé à `{ $predecessor }` le { $start }, mais `{ $predecessor }` n’a pas de date de fin : ce prédécesseur est toujours en vigueur
check-succession-overlap-label = tous deux en vigueur en même temps
check-succession-overlap-hint = faites finir `{ $predecessor }` (sa date `valid_until`) le jour où `{ $successor }` a pris la suite, ou corrigez la date de la succession
check-succession-gap = `{ $successor }` a succédé à `{ $predecessor }` le { $start }, plus d’un an après la fin de `{ $predecessor }` le { $end }
check-succession-gap-label = { $days } jours entre les deux
check-succession-gap-hint = vérifiez les deux dates : un successeur prend le plus souvent la suite le jour où son prédécesseur prend fin, ou dans les mois qui suivent ; si une autre unité s’est intercalée, décrivez-la avec ses successions
check-undated-dissolution = { $unit } : dissolution à une date que la description ne donne pas ; l’unité n’est dans la structure d’aucun jour
check-undated-dissolution-label = `dissolved`, sans `valid_until`
check-undated-dissolution-hint = donnez-lui une date `valid_until`, le jour où elle a pris fin : la structure des jours précédents la contient alors (`--as-of`)
check-status-dissolved = { $unit } a le statut `dissolved`, mais ne prend fin que le { $until } : l’unité est en vigueur jusque-là
check-status-dissolved-hint = sa date `valid_until` y met fin le { $until } quel que soit son statut : retirez `"status": "dissolved"`, qui dit que l’unité n’existe plus
check-status-planned = { $unit } a le statut `planned`, mais a commencé le { $from } : l’unité est en vigueur depuis
check-status-planned-hint = une fois mise en place, son statut est `being-set-up`, ou omis (en fonctionnement) ; sinon, corrigez sa date `valid_from`
check-status-label = son statut contredit ses dates
## Propositions qui prennent effet à une date, et apply

proposal-not-in-force = cette proposition prend effet le { $effective }, après le jour demandé ({ $day })
proposal-not-in-force-label = prend effet ce jour-là
proposal-not-in-force-hint = une proposition ne change rien avant de prendre effet : donnez `--as-of { $effective }` ou un jour plus tardif, ou retirez `--proposal` pour voir la structure du { $day }
proposal-id-of-absent = `{ $id }` est l’identifiant d’une unité qui { $why ->
    [ended] a pris fin le { $date }
    [not-yet] commence le { $date }
   *[ended-undated] a été dissoute
}
proposal-id-of-absent-label = pris par une unité d’un autre jour
proposal-id-of-absent-hint = un identifiant désigne une seule unité à toutes les dates : donnez un autre identifiant à la nouvelle unité
check-effective = Prend effet le { $effective } : la structure est vérifiée { $same ->
    [same] à cette date
   *[later] au { $day }
}
apply-needs-proposal = `apply` inscrit une proposition dans la description : nommez-la avec --proposal FICHIER
apply-not-files = `apply` écrit les fichiers de la description, qu’il lit donc dans un dossier ou des fichiers nommés avec --org (ou ./org), pas { $input ->
    [stdin] sur l’entrée standard
   *[builtin] dans la description intégrée à organigram
}
apply-no-effective = la proposition { $file } ne dit pas quand elle prend effet, et `apply` date ses modifications de ce jour : ajoutez-lui `"effective": "AAAA-MM-JJ"`
apply-new-errors = erreur : la proposition apporte { $n ->
    [one] { $n } nouvelle erreur
   *[other] { $n } nouvelles erreurs
}, ci-dessus ; rien n’a été écrit
apply-new-errors-hint = aide : `organigram check --proposal { $file }` les montre avec les autres
apply-changed-since-read = { $path } a changé depuis sa lecture ; rien n’a été écrit : relancez `{ $command }`
apply-not-written = { $error } ; rien n’a été écrit
apply-title = Appliquée : { $title } ({ $file }), prenant effet le { $effective }
apply-nothing = la proposition ne change aucun fichier
apply-wrote = { $path } écrit
apply-wrote-canonical = { $path } écrit, dans la forme canonique d’organigram, où il n’était pas : son diff montre plus que les modifications de la proposition
apply-would-not-read = erreur : écrite, la description ne se relirait pas : { $n ->
    [one] { $n } erreur
   *[other] { $n } erreurs
}, ci-dessus, dans les fichiers tels qu’ils seraient ; rien n’a été écrit
## Modifier une description (fmt, new)
format-lossy = organigram ne peut pas écrire ce fichier sous sa forme canonique sans changer ce qu’il dit
format-lossy-hint = c’est un défaut d’organigram : signalez-le avec le fichier ; le fichier est laissé tel quel
fmt-builtin = il n’y a pas de dossier ./org ici, et la description intégrée à organigram ne peut pas être réécrite : nommez les fichiers ou dossiers à mettre en forme, ou une description avec --org
fmt-stdin = `fmt` réécrit des fichiers : il met en forme des fichiers ou des dossiers, pas l’entrée standard
fmt-wrote = mis en forme : { $path }
fmt-not-canonical = { $path } n’est pas sous forme canonique ; la ligne { $line } changerait :
fmt-end-of-file = (fin du fichier)
fmt-check-failed = { $n ->
    [one] { $n } fichier n’est pas sous forme canonique : `organigram fmt` le réécrit ainsi
   *[other] { $n } fichiers ne sont pas sous forme canonique : `organigram fmt` les réécrit ainsi
}
fmt-failed = { $n ->
    [one] { $n } fichier a été laissé tel quel
   *[other] { $n } fichiers ont été laissés tels quels
}, pour les raisons ci-dessus
fmt-changed-since-read = { $path } a changé pendant sa mise en forme ; il a été laissé tel quel : relancez `fmt`
new-not-files = `new` écrit les fichiers de la description, qu’il lit donc dans un dossier ou des fichiers nommés avec --org (ou ./org), pas { $input ->
    [stdin] sur l’entrée standard
   *[builtin] dans la description intégrée à organigram
}
new-description-has-errors = erreur : la description a { $n ->
    [one] { $n } erreur
   *[other] { $n } erreurs
}, ci-dessus : { $n ->
    [one] corrigez-la
   *[other] corrigez-les
} d’abord, car réécrire ses fichiers perdrait ce qui ne peut pas être lu ; rien n’a été écrit
new-no-organisation = le fichier nommé ne déclare aucune organisation : il ne peut recevoir ni unité ni lien
new-unknown-term = `{ $text }` ({ $option }) n’est pas un type qu’organigram connaît
new-terms-are = les types sont { $names }
new-unknown-unit = aucune unité n’a l’identifiant `{ $id }` ({ $option })
new-find-unit = `organigram find { $text }` liste les unités dont le nom correspond
new-unknown-source = aucune source n’a l’identifiant `{ $id }` (--source)
new-declare-source = déclarez une nouvelle source avec --source-title TITRE (et --source-url, --source-date), ou nommez une source déclarée
new-bad-id = `{ $id }` ne peut pas être un identifiant : { $error }
new-unknown-file = { $path } n’est pas un fichier de la description qui déclare une organisation ; ce sont { $files }
new-what-unit = l’unité `{ $id }`
new-what-tie = le lien { $kind } de `{ $from }` à `{ $to }`
new-brings-errors = erreur : l’ajout apporte { $n ->
    [one] { $n } nouvelle erreur
   *[other] { $n } nouvelles erreurs
}, ci-dessus, dans le fichier tel qu’il serait ; rien n’a été écrit
new-would-add = ajouterait { $what } à { $path } :
new-dry-run = remarque : --dry-run : rien n’a été écrit
new-added = ajouté : { $what } à { $path }
new-was-not-canonical = le fichier n’était pas sous forme canonique, et l’est désormais : son diff montre plus que l’ajout
## Historiques générés (generate --changes)

generate-history = avec un historique daté { $changes ->
    [one] d’un changement
   *[other] de { $changes } changements
}, de 2000 à 2025

## L’organigramme HTML (render --format html) : sa barre d’outils, sa fiche et ses panneaux.
html-search = Rechercher : nom, sigle, mission…
html-expand-all = Tout déplier
html-collapse-all = Tout replier
html-depth = Niveaux
html-depth-all = tous
html-fit = Ajuster
html-zoom-in = Agrandir
html-zoom-out = Réduire
html-export-svg = SVG
html-export-png = PNG
html-show-ties = Autres liens
html-changes = Changements
html-close = Fermer
html-no-match = Aucune unité ne correspond.
html-expand = Déplier
html-collapse = Replier
html-other-parent = Rattaché aussi ailleurs : voir sa fiche
html-unattached = Rattachés à aucune unité
html-unframed = Hors des organisations représentées
html-head = responsable
html-parents = Au-dessus
html-children = En dessous
html-partners = Autres liens
html-sources = Sources
html-hint = Cliquer sur une unité pour sa fiche · glisser pour déplacer · molette pour zoomer · / pour rechercher

## Le serveur de langage (`organigram lsp`)

lsp-proposed = dans la structure proposée : { $message }
lsp-proposed-here = le problème est ici, dans la structure proposée

### Survol, complétion et actions de code

lsp-hover-kind = type : { $kind }
lsp-hover-acronym = sigle : { $acronym }
lsp-hover-head = dirigé par : { $head }
lsp-hover-vacant = { $post } (poste vacant)
lsp-hover-organisation = organisme : { $organisation }
lsp-hover-chain = chaîne hiérarchique : { $chain }
lsp-hover-other-lines = { $n ->
    [one] (+{ $n } autre ligne)
   *[other] (+{ $n } autres lignes)
}
lsp-hover-source = source : { $source }
lsp-hover-ended = hors de la structure d’aujourd’hui : elle a pris fin le { $date }
lsp-hover-ended-undated = hors de la structure d’aujourd’hui : elle a été dissoute, à une date que la description ne donne pas
lsp-hover-not-yet = pas encore dans la structure d’aujourd’hui : elle commence le { $date }
lsp-hover-publisher = éditeur : { $publisher }
lsp-hover-reference = référence : { $reference }
lsp-hover-date = date : { $date }
lsp-hover-family = famille : { $family }
lsp-hover-reads = se lit : { $reads }
lsp-hover-names = en anglais { $english } ; en français { $french }
lsp-complete-french = nom français de `{ $name }`
lsp-action-replace = Remplacer par `{ $value }`
lsp-action-cite = Citer la source `{ $source }`
lsp-action-declare = Déclarer l’unité `{ $id }` ({ $kind })
