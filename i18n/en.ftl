# organigram's messages in English. Each message has its French in fr.ftl, with the same
# variables; src/i18n/mod.rs says how to add one.

## Pieces of messages

did-you-mean = did you mean `{ $name }`?
list-and = { $rest } and { $last }
list-or = { $rest } or { $last }
list-none = none
unit-described = { $kind } `{ $id }`
tie-sentence = `{ $from }` { $verb } `{ $to }`
count-errors = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}
first-declared-here = first declared here
declared-again-here = declared again here
first-given-here = first given here

## Showing diagnostics

diagnostic-help = help: { $hint }
diagnostic-changed-file = in { $file }, which changed after it was read: { $quoted }the place cannot be shown
diagnostic-changed-file-quote = “{ $message }”:{" "}

## Reading a description

parse-too-deep-hint = raise the limit with --max-depth if the nesting is meant
parse-fields-here = the fields here are { $fields }
parse-values-here = the values allowed here are { $values }
parse-missing-field-label = this object has no `{ $field }`
parse-missing-field-hint = add a `"{ $field }"` field
parse-duplicate-key-hint = keep one of the two: JSON readers silently keep only one value
parse-control-hint = remove it: a description's texts hold no control character but tabs and line breaks
parse-bidi-hint = remove it: text in any script, Arabic and Hebrew included, displays in the right order without bidirectional controls
merge-post-fact = `{ $field }` is for posts, and `{ $id }` is a { $kind }
merge-post-fact-related = declared as this kind here
merge-post-fact-hint = declare the position as a unit of kind `post` inside this unit, and { $field ->
    [vacant] mark the post vacant
   *[other] give the post its `{ $field }`
}
merge-duplicate-id = duplicate { $what } id `{ $id }`
merge-duplicate-id-hint = ids are unique across the whole description: rename one of the two { $what }s

## Resolving references

build-unknown-unit = unknown unit `{ $id }`
build-unknown-unit-label = no unit has this id
build-unknown-unit-hint = declare the unit in one of the description's files
build-unknown-source = unknown source `{ $id }`
build-unknown-source-label = no source has this id
build-unknown-source-hint = declare the document in a file's "sources" list
build-tie-not-allowed = a `{ $kind }` tie cannot go from { $from_kind } `{ $from }` to { $to_kind } `{ $to }`
build-tie-not-allowed-is-a = `{ $id }` is a { $kind }
build-tie-not-allowed-starts = a `{ $kind }` tie starts from a unit of family { $starts }, and a { $from_kind } is of family { $family }
build-tie-not-allowed-goes = from a { $from_kind } (family { $family }), a `{ $kind }` tie may only go to family { $allowed }; check the tie's kind or its direction

## The rules of check

check-orphan = { $unit } is an orphan: it has no hierarchical parent
check-orphan-label = no parent, no boundary
check-orphan-label-cut = no parent, no boundary; { $taken ->
    [one] { $taken } unit under it is
   *[other] { $taken } units under it are
} cut off with it
check-orphan-hint = attach it to its parent with an `attachment` tie, or declare `"boundary": "top"` (the top of its hierarchy) or `"boundary": "parent-outside"` (its parent is not described)
check-post-without-unit = post `{ $id }` belongs to no unit: it is the top of its hierarchy
check-post-without-unit-label = it and { $taken ->
    [one] { $taken } post
   *[other] { $taken } posts
} under it belong to no unit
check-post-without-unit-hint = attach the post to the unit it is a position in; if that unit is not described, declare `"boundary": "parent-outside"`
check-cycle = hierarchy cycle: { $units } are placed under each other
check-cycle-label = one of the { $n } units of the cycle
check-cycle-hint = a chain of command goes up to a top: remove or turn around the tie that closes the circle
check-self-tie = `{ $id }` is tied to itself: it { $verb } itself
check-self-tie-label = the same unit as `from`
check-self-tie-hint = a tie joins two different units: check the ids
check-attachments = { $unit } is attached to { $n ->
    [one] { $n } unit
   *[other] { $n } units
}, none of them jointly: { $units }
check-attachments-label = attached here too
check-attachments-first = attached here
check-attachments-other = and here
check-attachments-hint = a unit with several parents at once declares each tie as `joint-attachment`; otherwise keep the attachment that holds (line authority is a tie of its own)
check-wide-span = { $unit } has { $span } direct reports, more than { $max }
check-wide-span-label = { $span } units and posts directly under it
check-wide-span-hint = group them under intermediate units, or raise the threshold with `--max-span`
check-duplicate-unit = { $unit } looks like a second declaration of `{ $first }`: same kind, same organisation, same { $what } “{ $text }”
check-duplicate-unit-label = declared again here?
check-duplicate-unit-hint = if they are one unit, keep one id and point every tie at it; if they are two, give them names that tell them apart
check-duplicate-tie = tie stated twice: { $tie }
check-duplicate-tie-label = stated again here
check-duplicate-tie-reversed = stated again here, the other way round
check-duplicate-tie-first = first stated here
check-duplicate-tie-hint = remove one of the two
check-no-secretariat = { $unit } has no secretariat
check-no-secretariat-label = no `secretariat` tie into it
check-no-secretariat-hint = add a `secretariat` tie from the unit that runs it
check-no-members = { $unit } has no members
check-no-members-label = no `membership` or `representation` tie into it
check-no-members-hint = add `membership` ties from the units and posts that sit in it (`representation` for those who sit for their organisation)
check-isolated = { $unit } has no tie at all
check-isolated-label = no tie in or out
check-isolated-hint = tie it to the units it reports to or works with, or remove it
check-outdated-dissolved = { $tie }, but `{ $id }` is dissolved
check-outdated-dissolved-label = dissolved
check-outdated-dissolved-hint = give the tie a `valid_until` date if it describes the past, or remove it
check-outdated-succeeded-hint = point the tie at { $successors } if it still holds, or give it a `valid_until` date if it describes the past
check-outdated-succeeded-here = `{ $successor }` succeeded `{ $id }` here
check-no-source-unit = { $unit } cites no source
check-no-source-tie = the tie { $tie } cites no source
check-no-source-label = no `source`
check-no-source-hint = add `"source": {"{"} "ref": …, "quote": … {"}"}` citing the document that states it
check-vacant = post `{ $id }` ({ $name }) is vacant
check-vacant-label = nobody holds it

## The command line

count-warnings = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
count-notes = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
cli-description-has-errors = error: the description has { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}; nothing else was done
cli-answering-despite-errors = warning: the description has { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}; answering on what loaded (`organigram check` lists them, `--strict` refuses)
cli-answering-despite-errors-in = warning: { $path } has { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}; answering on what loaded (`organigram check` lists them, `--strict` refuses)
cli-proposal-refused = error: the proposal cannot be applied; nothing else was done
cli-builtin-note = note: there is no ./org folder here, so this is the description built into organigram; name another with --org
cli-lookup-did-you-mean = help: did you mean one of these?
cli-lookup-ambiguous = help: name one of them by its id:
cli-lookup-find = help: `organigram find TEXT` lists the units that match a text
check-proposal = Proposal: { $title } ({ $file }, { $changes ->
    [one] { $changes } change
   *[other] { $changes } changes
})
check-new-problems = New problems ({ $n })
check-old-problems = Problems already there ({ $n })
check-solved-problems = Problems the proposal solves ({ $n })
check-structural-change = Structural change
check-no-change = none
check-by-code = by code: { $counts }
check-nothing-new = ; nothing new with the proposal
check-new-with = ; new with the proposal: { $new }
check-solved-by-it = ; { $n ->
    [one] { $n } problem
   *[other] { $n } problems
} solved by it

## Text output of the queries

unit-line = { $label } — { $kind }, { $organisation }
print-vacant = vacant
print-level = [level { $level }]
print-from = from { $date }
print-until = until { $date }
show-kind = kind
show-organisation = organisation
show-aliases = aliases
show-status = status
show-vacant = vacant
show-yes = yes
show-headcount = headcount
show-remit = remit
show-location = location
show-boundary = boundary
show-note = note
show-source = source
show-declared-at = declared at
show-parents = Parents ({ $n })
show-children = Children ({ $n })
show-other-ties = Other ties ({ $n })
chain-end-top = top of its hierarchy
chain-end-parent-outside = its superior lies outside the description: the chain leaves it here
chain-end-orphan = no superior and no boundary declared: an orphan, the top of what is described
chain-already-shown = its superiors are shown above, under { $unit }
chain-cycle = a cycle: this unit is already on the branch below
subordinates-counts = { $direct } direct, { $total } in all{ $vacant ->
    [0] {""}
    [one] , { $vacant } vacant post
   *[other] , { $vacant } vacant posts
}
subordinates-deeper = deeper levels not shown
subordinates-also-under = its subordinates are shown under its other superior, { $unit }
subordinates-cycle = a cycle: this unit is already above
stats-subtree = The subtree of { $unit }
stats-whole = The whole description
stats-units = units
stats-units-value = { $total } (of which { $posts } posts{ $collective ->
    [0] {""}
   *[other] ; { $collective } stand for groups named only as a whole
})
stats-layers = layers
stats-vacant-posts = vacant posts
stats-span = span of control
stats-span-value = min { $min }, median { $median }, max { $max }, over { $managers } units with direct reports
stats-span-none = no unit has direct reports
stats-headcount-target = headcount target
stats-headcount-actual = headcount actual
stats-headcount-none = none declared
stats-headcount = { $people } people, declared by { $units ->
    [one] { $units } unit
   *[other] { $units } units
}{ $inexact ->
    [0] {""}
   *[other] , { $inexact } of them not exact
}
stats-by-kind = Units by kind
stats-by-organisation = Units by organisation

## Charts

chart-org-chart = Org chart
chart-cooperation = Cooperation map
chart-landscape = Landscape
chart-under = under { $unit }
chart-around = around { $unit } ({ $radius ->
    [one] { $radius } tie
   *[other] { $radius } ties
})
chart-as-proposed = , as proposed
chart-tie-tooltip = { $kind }: { $from } → { $to }
chart-legend = Legend
chart-by-the-proposal = { $change } by the proposal
chart-vacant = vacant
chart-parent-outside = parent outside

## Heads, the line of posts, and organisations

show-headed-by = headed by
show-heads = heads
show-answers-to = answers to
show-collective = collective
show-collective-value = yes, a group named only as a whole
show-vacant-from = vacant from
show-recruiting = recruiting
show-newly-created = newly created
show-term = term
show-term-value = { $months ->
    [one] { $months } month
   *[other] { $months } months
}
show-grade = grade
show-role = role
show-within = within
organisation-own = its own organisation, not described here
organisation-named = { $name }, not described here
organisation-outside = outside every organisation
because-line-authority = line authority
because-attached-to = attached to it
because-head-of-its-unit = head of its unit, { $unit }
because-head-above = head of { $unit }, above
because-unit-under = { $unit } is placed under it
manager = { $post } ({ $because })
chain-line-of-posts = Line of posts
chain-headed-by = headed by { $post }
chain-answers-to = answers to { $manager }
chain-top-of-line = answers to no post of the description
subordinates-reports = Line of posts: { $direct ->
    [one] { $direct } direct report
   *[other] { $direct } direct reports
}, { $total ->
    [one] { $total } post
   *[other] { $total } posts
} in all
superior-common-manager = In the line of posts, both answer to { $post }
superior-line-from = from { $unit }: { $steps }
superior-then = , then{" "}
stats-in-named-organisations = (organisations named, not described)
stats-outside-every-organisation = (outside every organisation)
chart-as-a-whole = as a whole
chart-head = head: { $name }
chart-head-vacant = head: { $name } · vacant
chart-cut = +{ $n } below
check-two-heads = { $unit } is headed by `{ $first }` and `{ $second }` at once
check-two-heads-label = heads it here
check-two-heads-related = and here
check-two-heads-hint = a unit has one head at a time: end the tie of the head that left with a `valid_until`, or start the new one with a `valid_from`
check-head-outside-unit = { $post } heads `{ $unit }` but is attached to { $other }
check-head-outside-unit-label = attached here
check-head-outside-unit-related = heads this unit
check-head-outside-unit-hint = a head sits in the unit it heads, which answers to the unit above: remove the attachment, or attach the unit it heads there instead; a line of authority elsewhere is a `line-authority` tie
check-authority-against-heads = { $post } is under the authority of `{ $manager }`, which sits in no unit above `{ $unit }`
check-authority-against-heads-label = line authority here
check-authority-against-heads-hint = by the heads, it answers to `{ $head }`; if the authority is meant, it may be a `functional-reporting` tie, or the post may belong in another unit
check-authority-against-heads-hint-headless = if the authority is meant, it may be a `functional-reporting` tie, or the post may belong in another unit
render-frameless = { $id } names no unit of the description, so no unit belongs to it: its file only groups units, each belonging where its line leads
    help: give its organisation block a `unit` (the unit that is the organisation), or draw its units with --root or --focus

## Text output of find, partners, path, superior and diff

lookup-unknown = no unit matches `{ $text }`
lookup-ambiguous = `{ $text }` matches { $n } units
find-matched = matched { $field ->
    [former-name] a former name
    [former-acronym] a former acronym
    [remit] its remit
    [role] a role
    [note] its note
   *[other] { $field }
} “{ $text }”
find-more = … and { $n } more (--limit to see them)
partners-none = { $unit } has no partner in the description.
partners-title = Partners of { $unit } ({ $n })
partners-inherited = inherited from this superior
path-over = {" "}over { $kinds } ties
path-none = No connection between { $a } and { $b }{ $over }.
path-shortest = Shortest connection ({ $hops ->
    [one] { $hops } hop
   *[other] { $hops } hops
}){ $over }:
path-connection-of = Connection { $i } of { $n } ({ $hops ->
    [one] { $hops } hop
   *[other] { $hops } hops
}){ $over }:
path-backwards = , walked backwards
superior-none = { $a } and { $b } have no common superior in the description.
superior-found = { $n ->
    [one] The lowest common superior of { $a } and { $b }:
   *[other] { $n } lowest common superiors of { $a } and { $b }:
}
superior-from-itself = from { $unit }: it is this unit
superior-from = from { $unit } ({ $steps ->
    [one] { $steps } step
   *[other] { $steps } steps
}):
diff-quoted = “{ $text }”
diff-proposal-title = Changes from { $before } to { $after }
diff-not-held = warning: a proposal cannot say that { $kind ->
    [organisation-added] the organisation `{ $id }` is added (a new description file): its units are left out, and their ties
    [organisation-removed] the organisation `{ $id }` is removed (a description file gone)
    [organisation-changed] the organisation `{ $id }` changed its name, acronym or unit
    [source-removed] the source `{ $id }` is removed
    [source-changed] the source `{ $id }` changed
    [unit-moved-to-another-file] the unit `{ $id }` is now declared in another organisation's file
    [tie-to-no-unit] { $id }, a tie with an end that is no unit
   *[unexpected] { $id } is as it is: applied, the proposal gives another
}
diff-not-held-unread = warning: a proposal cannot hold what { $path } says where it could not be read ({ $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, `organigram check` lists them)
diff-not-held-summary = error: the proposal does not turn { $before } into { $after } whole: { $n ->
    [one] the difference above cannot be said
   *[other] the { $n } differences above cannot be said
} in a proposal; it holds every other
diff-name = name
diff-acronym = acronym
diff-kind = kind
diff-parents = parents
diff-units-added = Units added
diff-units-removed = Units removed
diff-units-changed = Units changed
diff-ties-added = Ties added
diff-ties-removed = Ties removed
diff-ties-changed = Ties changed

## Importing

import-not-utf8 = { $file } is not UTF-8 text (byte { $byte } is not)
import-control-character = { $what } holds the control character U+{ $code }
import-control-character-hint = remove it: a description's texts hold no control character but tabs and line breaks
import-refused = error: { $file } has { $problems ->
    [one] { $problems } problem
   *[other] { $problems } problems
}; nothing was written
import-error = error: { $problem }
import-warning = warning: { $problem }
import-more-problems = … and { $n } more, not shown
import-kind-count = { $n } { $kind }
import-summary = wrote { $units ->
    [one] { $units } unit
   *[other] { $units } units
} and { $ties ->
    [one] { $ties } tie
   *[other] { $ties } ties
}{ $by_kind } in { $files ->
    [one] { $files } file
   *[other] { $files } files
} to { $output }{ $several ->
    [0] {""}
    [one] ; { $several } unit has several parents
   *[other] ; { $several } units have several parents
}{ $dissolved ->
    [0] {""}
   *[other] ; { $dissolved } dissolved
}

## The command line's own messages

cli-error = error: { $message }
cli-cannot-write = error: cannot write the output: { $error }
cli-default-org-broken-link = ./org, the default description, is a symbolic link that leads nowhere; mend it, or name a description with --org
cli-default-org-not-a-folder = ./org, the default description, is not a folder; name a description with --org
lsp-one-org = the language server reads one description folder: give --org once
lsp-failed = the language server stopped: { $error }
cli-option-does-not-apply = { $option } does not apply to `{ $command }`, which { $reads ->
    [two-descriptions] compares the two descriptions it is given
    [import] reads the register or CSV file it is given
    [whole-timeline] tells the unit's whole life, at every date
    [two-dates] compares the descriptions it is given (that of `--org` when it is given none) as they are on the days of `--from` and `--to`
    [apply] works on the day the proposal takes effect, its `effective` date
    [files] formats the files it is given
    [edit] edits the description's files as they are, at no date
    [workspace] checks every proposal of the description's `proposals/` folder
   *[nothing] reads no description
}

## Explaining a code

check-explain = { $code } ({ $severity } by default)

## Proposals

proposal-source-declared = source `{ $id }` is already declared
proposal-source-declared-hint = cite the declared source, or give this one another id
proposal-removed-earlier = `{ $id }` is removed by an earlier change
proposal-removed-earlier-label = no longer there
proposal-removed-by-this-change = removed by this change
proposal-removed-earlier-hint = each change sees the structure the changes before it leave: reorder the changes, or drop one
proposal-unit-unreadable-hint = the unit is declared but could not be read: fix its errors
proposal-unit-exists = unit `{ $id }` already exists
proposal-declared-here = declared here
proposal-unit-exists-hint = give the new unit another id, or change the existing one
proposal-id-not-reused = `{ $id }` is removed by an earlier change, and ids are not reused within a proposal
proposal-id-not-reused-hint = give the new unit another id, or change the unit instead of removing it
proposal-unit-declared = unit `{ $id }` is already declared
proposal-unit-declared-hint = give the new unit another id
proposal-id-taken = already taken
proposal-vacant-not-post = `vacant` is for posts, and `{ $id }` is a { $kind }
proposal-vacant-not-post-hint = declare the position as a unit of kind `post`
proposal-unknown-organisation-hint = name the `organisation.id` of a description file
proposal-unknown-organisation = unknown organisation `{ $id }`
proposal-unknown-organisation-label = no description file has this organisation id
proposal-move-kind = a unit is not moved by a `{ $kind }` tie
proposal-move-kind-hint = a move places the unit under its new parent: `attachment`, `line-authority` or `joint-attachment`
proposal-move-under-itself = `{ $id }` cannot be moved under itself
proposal-move-under-itself-hint = name the new parent in `to`
proposal-move-changes-nothing = the move changes nothing: { $tie } already
proposal-move-changes-nothing-hint = drop the change, or name another parent
proposal-rename-nothing = this rename gives no new name
proposal-rename-nothing-hint = give a `name`, an `acronym` (`null` removes it), or both
proposal-rename-same = `{ $id }` already has this name and acronym
proposal-drop-the-change = drop the change
proposal-update-field = `update` cannot set `{ $field }`
proposal-update-field-hint = { $field ->
    [id] a unit keeps its id: remove it and add another to change it
    [kind] change a unit's kind with `change-kind`
   *[other] change a unit's name or acronym with `rename`
}
proposal-update-unreadable-label = with these fields the unit does not read as a description file declares one
proposal-update-same = `{ $id }` already has these values
proposal-kind-same = `{ $id }` is already a { $kind }
proposal-merge-itself = `{ $id }` cannot be merged into itself
proposal-merge-itself-hint = name the unit that survives in `into`
proposal-split-too-few = a unit is split into two new units or more
proposal-split-too-few-hint = to give a unit another id, add the new unit and merge the old one into it
proposal-split-same-id = `{ $id }` is given to two of the new units
proposal-split-same-id-hint = give each new unit its own id
proposal-no-tie = there is no tie { $tie }
proposal-no-tie-of-split-label = no such tie of the split unit
proposal-no-tie-of-split-hint = an assignment names a tie of the split unit as the description states it
proposal-assign-not-new = `{ $id }` is not one of the units `{ $split }` is split into
proposal-assign-not-new-hint = assign the tie to one of the units listed in `into`
proposal-assigned-twice = this tie is assigned twice
proposal-first-assigned-here = first assigned here
proposal-assigned-twice-hint = keep one of the two assignments
proposal-no-tie-between = the description has no tie between `{ $from }` and `{ $to }`
proposal-ties-stated = between them, the description states: { $states }
proposal-ties-stated-and = { $states }; { $tie }
proposal-no-such-tie = no such tie
proposal-check-path = check the path given to --proposal
proposal-add-unit-organisation = an added unit names its organisation
proposal-add-unit-organisation-label = this unit belongs to which organisation?
proposal-add-unit-organisation-hint = add `"organisation": "…"` to the change, with the id of a description file's organisation
proposal-organisation-only-add-unit = `organisation` goes with `add-unit` only
proposal-organisation-only-add-unit-hint = only an added unit needs its organisation named: drop it from this `{ $operation }`
proposal-no-operation = this change holds no operation
proposal-no-operation-hint = a change holds one of `add-unit`, `add-tie`, `remove-unit`, `remove-tie`, `move`, `rename`, `change-kind`, `merge` and `split`
proposal-several-operations = this change holds { $n } operations ({ $names }); a change holds one
proposal-several-operations-hint = write each operation as a change of its own

## Reading files

read-empty-description = no description file in { $path }
read-empty-description-hint = a description is a folder of .json files, or one .json file
read-check-path = check the path
read-permissions-hint = check the file's permissions
read-loop-hint = a symbolic link on the way leads back to itself
read-pipe-hint = organigram reads regular files only; to read from a pipe, give `-` as the path and redirect the pipe to standard input
read-regular-only-hint = organigram reads regular files only
read-too-large-hint = raise the limit with --max-file-size if the file is meant to be this large
read-link-leaves-folder-hint = organigram follows links only to files of the same folder, so that a description cannot show the contents of files nobody named; pass --follow-links to follow it anyway
read-io = cannot read { $path }: { $error }
read-not-regular = cannot read { $path }: it is { $what }, not a regular file
read-too-large = { $path } is larger than the limit of { $limit } bytes
read-link-leaves-folder = { $path } is a symbolic link to { $target }, outside its folder: it is not read
read-sentence = { $message }; { $hint }
read-not-description = { $path } is not a description file: { $holds ->
    [nothing] it is empty
    [list] a description file holds a JSON object, and this file holds a list
   *[other] a description file holds a JSON object, which starts with `{"{"}`, and this file does not
}
read-not-description-hint = check that the path names a description file of organigram (a .json file)
read-invalid-utf8 = invalid UTF-8: byte 0x{ $byte } cannot start or continue a character
read-save-as-utf8 = save the file as UTF-8

## The JSON reader

json-syntax = invalid JSON: { $what }
json-unknown-field = unknown field `{ $field }`
json-unknown-value = unknown value `{ $value }`
json-missing-field = missing field `{ $field }`
json-duplicate-key = duplicate key `{ $key }`
json-too-deep = nesting deeper than { $limit } levels
json-control-character = { $bidi ->
    [yes] a string holds U+{ $code }, a bidirectional control, which makes text display in another order than it is written
   *[no] a string holds the control character U+{ $code }
}
json-found-number = the number { $n }
json-found-text = the text { $text }
json-a-list = a list
json-an-object = an object
json-bytes = bytes
json-a-value = a value
json-a-text = a text
json-a-boolean = `true` or `false`
json-a-whole-number = a whole number
json-a-number = a number
json-a-value-or-null = a value or `null`
json-expected-found = expected { $expected }, found { $found }
json-not-allowed = { $found } is not allowed here: expected { $expected }
json-found-slash = `/` (comments are not allowed in JSON)
json-found-quote = `'` (JSON strings take double quotes)
json-found-byte = byte 0x{ $byte }
json-ends-where-expected = the file ends where { $expected } was expected
json-a-json-value = a JSON value
json-a-digit = a digit
json-a-digit-after-point = a digit after the decimal point
json-a-digit-in-exponent = a digit in the exponent
json-a-key = a key in double quotes
json-text-after-end = unexpected text after the end of the document
json-string-never-closed = this string is never closed
json-invalid-escape = invalid escape: JSON knows \" \\ \/ \b \f \n \r \t and \uXXXX
json-line-break-in-string = a line break inside a string: write it as \n
json-nul-in-string = a NUL byte inside a string
json-control-in-string = control character 0x{ $byte } inside a string: escape it as \u00{ $byte }
json-invalid-u-escape = invalid \u escape: expected four hexadecimal digits
json-lone-high-surrogate = lone surrogate in \u escape: a high surrogate must be followed by a low one
json-invalid-surrogate-pair = invalid surrogate pair in \u escape
json-lone-low-surrogate = lone surrogate in \u escape: a low surrogate must follow a high one
json-leading-zeros = numbers cannot have leading zeros
json-number-out-of-range = number { $number } is out of range
json-trailing-comma = trailing comma before `{ $close }`
json-expected-object = expected an object `{"{"} … {"}"}`, found { $found }
json-colon-after-key = `:` after the key
json-comma-or = `,` or `{ $close }`
json-the-end-of-the-file = the end of the file
json-an-array = an array
json-a-string = a string
json-a-boolean-found = a boolean
json-not-json = something that is not JSON

## Drawing, generating and exporting

render-all-needs-output = --all needs -o DIR
render-binary-to-terminal = { $format } is binary, and standard output is a terminal: write it to a file with -o, or redirect standard output
render-nothing-to-draw = nothing to draw: no unit is shown by all of { $options }
    help: a unit under --root may lie in another organisation than --organisation, and --view cooperation draws only units with ties outside the hierarchy; drop or change one of the options
render-too-large = this chart draws { $units } units and { $ties } ties, more than { $built_in ->
    [yes] organigram's built-in layout, used without Graphviz,
   *[no] Graphviz
} lays out in reasonable time and memory (its time grows much faster than the chart)
    help: draw a part of it with --root UNIT, --focus UNIT --radius N, --organisation ORG or --unit-kind KIND; or pass --large-chart to draw it however long it takes; --format dot and --format mermaid are written at any size
render-graphviz-warning = warning: Graphviz: { $warning }
render-built-in-layout = note: Graphviz is not installed, so this SVG comes from organigram's simpler built-in layout (no clusters, no legend); install Graphviz for the better layout
render-straight-ties = note: Graphviz could not draw some ties of this chart as curves (a bug of Graphviz 2.x with interleaved organisations), so its ties are straight lines
render-quick-layout = note: this chart is large ({ $units } units, { $ties } ties), so Graphviz laid it out with less effort: straight ties, fewer passes; --large-chart asks for its full effort, however long it takes
render-not-drawn-as-svg = note: { $name } is not drawn as SVG: it draws { $units } units and { $ties } ties, more than Graphviz lays out in reasonable time; its DOT is written, and --large-chart draws it anyway
render-wrote = wrote { $n } files to { $dir }: { $files }
render-bad-link-base = --link-base { $base } is not a link base: { $why ->
    [empty] it is empty
    [long] it is longer than 2,000 characters
    [scheme] only http and https URLs are taken, or a relative path
    [host] an absolute URL needs a host
   *[character] it has a character URLs are not written with (a space, a quote, <, >, \, a letter outside ASCII, or a % not followed by two hex digits)
}
    help: give an http or https URL such as https://intranet.example/units/, or a path such as units/; each unit links to it followed by its id
render-unknown-organisation = no organisation is named `{ $text }`
    help: the organisations are { $known }
render-page-unreadable = warning: fitted to { $page }, this chart is drawn at { $percent } % of its size, so its 10 pt text prints at { $points } pt, below the 6 pt a chart is read at
    help: draw less of it with --depth N, --root UNIT or --organisation ORG, or choose a larger page (--page a3)
render-page-mermaid = --page does not apply to Mermaid, which is laid out by the page that shows it: leave --page out, or choose --format dot, svg, png or pdf
generate-wrote = wrote { $units } units in { $files } files to { $dir }

## Importing a CSV file

csv-duplicate-id = the id `{ $id }` is already line { $line }'s
csv-duplicate-id-made = the id `{ $id }` is already line { $line }'s ({ $raw } and { $first_raw } make the same id)
csv-duplicate-id-hint = each row is one unit: give each its own id, or, when the rows are one unit's history, give the columns of their dates (--valid-from, --valid-until)
csv-no-rows = the file has a header row but no row after it: there is no unit to import
csv-no-rows-hint = add one row per unit under the header, or check that this is the file exported
csv-own-parent = `{ $id }` is its own parent
csv-parent-outside = the parent { $parent } of `{ $id }` is no row's id: `{ $id }` is imported with its parent outside the file
csv-id-empty = the id ({ $column }) is empty
csv-id-no-letter = the id { $id } holds no letter or digit to make an id of
csv-name-empty = the name ({ $column }) is empty
csv-unknown-kind = unknown unit kind { $kind }
csv-kinds-are = the kinds are { $kinds }
csv-no-column = no column is named { $name } (given by { $flag })
csv-columns-are = the columns are { $columns }
csv-no-column-found = the header has no column of { $what ->
    [ids] unit ids
    [parents] parent ids
   *[names] names
}: none is named { $headers }
csv-no-column-found-hint = give the column's header with { $flag } COLUMN; { $columns }
csv-name-empty-hint = a row with an empty name gives another tie of a unit that has a row of its own with a name, and no row of `{ $id }` has a name: give its name
csv-further-no-parent = this row of `{ $id }` has no name and no parent: a row with an empty name gives another tie of its unit, to the parent it names
csv-further-no-parent-hint = give the parent, or delete the row
csv-further-values = this row of `{ $id }` has no name, so it only gives another tie of `{ $id }`: its other cells (kind, acronym, headcount…) are not read
csv-further-values-hint = give the unit's facts on its row with a name, or give this row a name if it is another unit
csv-bad-headcount = { $headcount } is not a headcount (the cell { $header })
csv-bad-headcount-hint = write a whole number of people, such as 12 or 1 200
csv-bad-vacancy = { $vacancy } does not say whether the post is vacant (the cell { $header })
csv-bad-vacancy-hint = write yes, oui, true, 1 or vacant for a vacant post; no, non, false, 0 or filled (pourvu) for a filled one; or leave the cell empty
csv-bad-status = { $status } is not a status (the cell { $header })
csv-bad-status-hint = write active (or leave the cell empty), being-set-up, planned or dissolved, or in French en fonctionnement, en cours de constitution, en projet or dissous
csv-organisation-no-letter = the organisation { $organisation } holds no letter or digit to make an id of
csv-organisation-no-letter-hint = give the organisation's id, such as justice, or leave the cell empty for the file's organisation
csv-vacant-not-post = `{ $id }` is said to be vacant, but it is a { $kind }: only posts are vacant
csv-vacant-not-post-hint = give the row the kind post, or leave its vacancy cell empty
csv-bad-id-prefix = the id prefix { $prefix } would not make ids: ids are lowercase letters, digits and single hyphens
csv-bad-id-prefix-hint = give a prefix such as { $slug }
csv-tie-not-hierarchical = a row places its unit under its parent, and { $kind } ties place no unit under another
csv-unknown-tie = unknown tie kind { $kind }
csv-ties-are = the kinds of ties to a parent are { $kinds }
csv-ragged = this row has { $cells ->
    [one] { $cells } cell
   *[other] { $cells } cells
} where the header has { $expected }
csv-ragged-short = { $row }: it ends before the column { $column }
csv-ragged-short-hint = give each row as many cells as the header, empty ones included ({ $example })
csv-ragged-long = { $row }: { $extra ->
    [one] this cell is one too many
   *[other] this cell is the first of { $extra } too many
}

## Writing files

write-formats-disagree = --format { $given } and the extension of { $path } ({ $named }) disagree; the formats are { $formats }
write-format-unknown = cannot tell which format to write to { $path } from its extension; give --format, or an extension of one of the formats: { $formats }
write-read-file = cannot write { $path }: it is one of the files this command reads, and writing it would destroy it; name another file
write-cannot-use = cannot use { $path }: { $error }
write-foreign-files = { $path } holds description files that are not being written ({ $names }): loading the folder would mix them with the new ones; remove them or choose a new folder
write-not-a-file = cannot write { $path }: it is { $what }, and organigram writes only where a regular file or nothing is; name another path
write-not-plain = cannot write { $path }: its name is not a plain file name, and would leave the folder
write-busy = cannot write into { $path }: another organigram run is writing this folder at the same time; nothing was written: run again once it has finished
write-changed = cannot write { $path }: another program changed its folder while organigram wrote into it; run again
write-failed = cannot write { $path }: { $error }
write-names-no-file = { $path } names no file

## Importing the GOV.UK register

govuk-field = the { $field } of `{ $slug }`
govuk-slug-no-letter = organisation { $n } ({ $title }) has the slug { $slug }, which holds no letter or digit to make an id of
govuk-slug-no-letter-hint = give it a slug of letters, digits and hyphens
govuk-slug-not-an-id = the slug { $slug } of { $title } is not an id: written as `{ $id }`
govuk-duplicate-id = { $title } and { $first_title } both have the id `{ $id }`
govuk-duplicate-id-hint = ids are unique: change one of the two slugs
govuk-link-names-nothing = `{ $unit }` links to { $link } in its { $relation }, which names no organisation
govuk-link-names-nothing-hint = a link's id is the API address of an organisation, ending with its slug
govuk-not-an-id = the import made an id that is not one: { $error }
govuk-not-json = not the register's JSON: { $error }
govuk-not-json-hint = the file must be the Organisations API's results, every page's `results` in one JSON array
govuk-register-id = the organisation `{ $id }` has the id of the file of organisations with neither parent nor child
govuk-register-id-hint = change the slug `{ $slug }`
govuk-unknown-format = { $count } organisation(s) of the format { $format }, which the import does not know, imported as { $kind }
govuk-unconfirmed-parent = `{ $parent }` lists `{ $child }` among its child organisations, but `{ $child }` does not name it as a parent: noted on `{ $child }`, not made a tie
govuk-unconfirmed-parent-hint = an organisation's own page is taken as the authority on its parents
govuk-outside = `{ $unit }` names `{ $outside }` in its { $relation }, but the register does not hold it: imported as a unit with no boundary, which `check` reports
govuk-outside-hint = describe it (name, kind, place) by hand, or remove the link, once you know what it is

## Reading a CSV file's text

csv-utf16-without-mark = the file looks like { $encoding } text without a byte-order mark, not UTF-8: every other byte is 0
csv-utf16-without-mark-hint = import it with --encoding { $flag }, or save it as UTF-8
csv-utf8-read-as = the file is UTF-8 text, read as { $encoding } as --encoding says: { $letter } and every other letter beyond ASCII come out garbled ({ $garbled })
csv-utf8-read-as-hint = import it without --encoding: UTF-8 is the default
csv-not-encoding = the file is not { $encoding } text: its bytes from offset { $offset } on make no character (half a surrogate pair, or an odd byte at the end)
csv-not-encoding-hint = check which encoding the file was saved in, and give it with --encoding, or save it as UTF-8
csv-not-utf8 = the file is not UTF-8 text: this byte, 0x{ $byte }, is not{ $other_lines ->
    [0] {""}
    [one] , nor are bytes on { $other_lines } other line after it
   *[other] , nor are bytes on { $other_lines } other lines after it
}{ $windows ->
    [yes] ; it looks like Windows-1252, as Excel saves CSV files in French, where { $n ->
        [1] 0x{ $b1 } is { $c1 }
        [2] 0x{ $b1 } is { $c1 } and 0x{ $b2 } { $c2 }
       *[other] 0x{ $b1 } is { $c1 }, 0x{ $b2 } { $c2 } and 0x{ $b3 } { $c3 }
    }
   *[no] {""}
}
csv-not-utf8-windows-1252-hint = import it with --encoding windows-1252, or save it from Excel as "CSV UTF-8 (délimité par des virgules)"
csv-not-utf8-hint = find which encoding the file was saved in and give it with --encoding (utf-8, windows-1252, latin-1, utf-16le, utf-16be), or save it as UTF-8
csv-bad-delimiter = the delimiter { $delimiter } cannot separate cells: it must be an ASCII character other than a quote or a line break
csv-no-header = { $holds ->
    [nothing] the file is empty
    [mark] the file holds only a byte-order mark
   *[blank] the file holds only blank lines
}: there is no header row, and no unit to import
csv-no-header-hint = a CSV import reads a header row that names the columns, then one row per unit: check that this is the file exported
csv-quote-never-closed = this quote opens a cell that is never closed: { $last_line ->
    [0] the rest of the file was read as one cell
   *[other] the rest of the file, to its last line ({ $last_line }), was read as one cell
}
csv-quotes-out-of-step = this quote opens a cell that the quote at { $line ->
    [0] column { $column }
   *[other] line { $line }, column { $column }
} closes, but the cell goes on after it ({ $after }): its quotes are out of step
csv-quote-hint = a quote that starts a cell opens it, and the next quote closes it: close the quote at the end of the cell ("Paris, France"), and double a quote that is part of a quoted cell's text ("Bureau ""X""")
csv-wrong-delimiter = no column is named { $names }: read with the delimiter { $delimiter }, the header is one column, { $header }
csv-wrong-delimiter-hint = the header holds { $delimiter ->
    [semicolon] semicolons: give --delimiter ';'
    [comma] commas: give --delimiter ','
    [tab] tabs: give --delimiter $'\t' (a tab)
   *[bar] vertical bars: give --delimiter '|'
}
csv-a-tab = a tab
csv-a-space = a space
csv-ragged-long-hint = quote a cell that holds a { $delimiter }: "Paris{ $d } France"
csv-cell = the cell { $header }
csv-cell-line-break = the cell { $header } holds a line break: its quote, opened here, closes on line { $last_line }
csv-cell-line-break-hint = an id, a parent or a kind is one line: close the quote before the end of line { $line }, or remove it
csv-row-too-large = this row is too large to write: its unit takes { $bytes } bytes of JSON, and a file written holds at most { $max }
csv-row-too-large-hint = raise --max-file-size: a file written holds at most a quarter of it
cli-absent = { $name } is not in the structure as of { $day }: { $why ->
    [ended] it ended on { $date }
    [not-yet] it begins on { $date }
   *[ended-undated] it was dissolved, on a date the description does not give
}{ $count ->
    [0] {""}
   *[other] { $why ->
        [not-yet] , succeeding { $others }
       *[other] , succeeded by { $others }
    }
}
cli-absent-hint = help: ask about it on another day with `--as-of { $date }`; `organigram history { $id }` tells its whole life
cli-absent-undated-hint = help: give it a `valid_until` to ask about it before it ended; `organigram history { $id }` tells its whole life
show-absent-shown-as-of = shown as on { $day }
show-absent-shown-whole = shown with its ties of every date
show-valid-from = since
show-valid-until = until
show-was = was
show-was-no-acronym = no acronym
find-absent = Not in the structure as of { $day }:
find-absent-why = { $why ->
    [ended] ended on { $date }
    [not-yet] begins on { $date }
   *[other] dissolved, on a date not given
}
chart-as-of = as of { $day }
chart-partners = Partners
chart-partner = { $organisation } (partner)
chart-unattached = Unattached units
chart-bridge = via { $n ->
    [one] { $n } hidden unit
   *[other] { $n } hidden units
}
chart-bridge-through = via { $n ->
    [one] { $n } hidden unit
   *[other] { $n } hidden units
}: { $units }
chart-bridge-legend = through hidden units

## History (`history UNIT`) and diff between two days (`diff --from DATE --to DATE`)

history-undated = undated
history-no-event = nothing dated: the description dates neither the unit nor its ties
history-created = created
history-created-with = created: { $ties }
history-succeeded = { $count ->
    [one] succeeded { $units }
   *[other] formed by merging { $units }
}
history-succeeded-by = { $count ->
    [one] succeeded by { $units }
   *[other] split into { $units }
}
history-renamed = renamed: { $before } → { $after }
history-acronym-changed = acronym: { $before } → { $after }
history-kind-changed = kind: { $before } → { $after }
history-remit-changed = remit: { $before } → { $after }
history-headcount-changed = headcount: { $before } → { $after }
history-moved = { $event ->
    [attached] attached
    [detached] detached
   *[moved] moved
}: { $before } → { $after }
history-head-changed = { $event ->
    [head-began] new head
    [head-ended] head left
   *[head-changed] head changed
}: { $before } → { $after }
history-dissolved = dissolved
diff-successions = Units replaced
diff-succession-kind = { $kind ->
    [merged] merger
    [split] split
    [merged-and-split] merger and split
   *[replaced] replacement
}
cli-diff-stdin-twice = `diff --from` reads the description twice, once a day, and standard input can be read only once
cli-diff-stdin-twice-hint = help: save the description to a file and give its path
# Importers and exports learn dates (issue 16).
govuk-closed-undated = { $count ->
    [one] { $count } closed organisation has no closing date (`closed_at`): dissolved at a date not known, it is in no structure as of a date
   *[other] { $count } closed organisations have no closing date (`closed_at`): dissolved at dates not known, they are in no structure as of a date
}
govuk-closed-undated-hint = `show` still shows each, with its ties of every date; give one a `valid_until` when you know when it closed
csv-bad-date = { $date } is not a date (the cell { $header })
csv-bad-date-hint = write a date 2019, 2019-10 or 2019-10-25, or 25/10/2019 as French spreadsheets write a day, with a day its month has
csv-period-unordered = the row of `{ $id }` ends before it starts, or on the day it starts ({ $period })
csv-period-unordered-hint = a row holds from its start (included) to its end (excluded): its end comes at least a day after its start
csv-periods-overlap = this row of `{ $id }` ({ $period }) holds on days that its row on line { $line } ({ $other }) holds too: a unit has one parent at a time
csv-periods-overlap-hint = end one row where the next starts: a row holds from its start (included) to its end (excluded), or, with one date column, to the next row's start (from the previous row's end), so a row until 2019 and a row from 2019 follow each other
export-all-dates-as-of = --all-dates exports every date, and --as-of one day: give one of them
export-csv-ties-left-out = note: the CSV holds hierarchical ties only: { $n ->
    [one] { $n } tie was
   *[other] { $n } ties were
} left out ({ $ties }); export --format json keeps them
export-csv-facts-left-out = note: no column of the CSV holds these facts, left out (with the number of units, ties or organisations that give them): { $facts }; export --format json keeps them

## The rules of time (check), on the whole description

time-between = from { $from } until { $until }
time-from = from { $from }
time-until = until { $until }
time-always = at every date
check-time-dates-here = the dates of `{ $id }` are given here
check-dates-unit = { $unit } exists on no day: its `valid_until`, { $until }, is not after its `valid_from`, { $from }
check-dates-tie = the tie { $tie } holds on no day: its `valid_until`, { $until }, is not after its `valid_from`, { $from }
check-dates-label = ends before it begins, or on the day it begins
check-dates-was-order = the `was` entries of { $unit } are out of order: the one until { $until } follows the one until { $previous }
check-dates-was-order-label = `was` entries go oldest first, each ending after the one before
check-dates-was-early = the `was` entry of { $unit } until { $until } ends no later than the unit begins, on { $from }: what it says never applied
check-dates-was-late = the `was` entry of { $unit } until { $until } ends no earlier than the unit itself, on { $end }: what the unit became then never applied
check-dates-was-label = a `was` entry ends on a day of the unit's life, after its first
check-dates-hint = a fact holds from its `valid_from`, included, until its `valid_until`, excluded, and a partial date stands for its first day: `until 2019` ends on 2019-01-01; write 2020 for a fact that held through 2019
check-outdated-early = { $tie }, but `{ $id }` begins only on { $date }
check-outdated-early-label = holds before `{ $id }` begins
check-outdated-early-hint = start the tie on { $date } or later (`valid_from`), or correct the `valid_from` of `{ $id }`
check-outdated-ended = { $tie }, but `{ $id }` ended on { $date }
check-outdated-ended-by = { $tie }, but `{ $id }` ended on { $date }, succeeded by { $successors }
check-outdated-ended-label = holds after `{ $id }` ended
check-outdated-ended-hint = end the tie on { $date } or earlier (`valid_until`) if it describes the past, or remove it
check-overlapping-attachments = { $unit } is attached to `{ $first }` and to `{ $second }` at once, { $when }, neither jointly
check-overlapping-attachments-hint = end one attachment on the day the other starts (`valid_until`, `valid_from`), or declare both `joint-attachment` if the unit had the two parents at once
check-orphan-period = { $unit } has no parent { $when }
check-orphan-period-label = no hierarchical tie holds then, and no `boundary`
check-orphan-period-before = its parent until { $date }
check-orphan-period-after = its parent from { $date }
check-orphan-period-hint = attach it for that time (a tie with its `valid_from` and `valid_until`), correct the dates of its ties or its own, or declare a `boundary` if its parent then is not described
check-succession-overlap = `{ $successor }` succeeded `{ $predecessor }` on { $start }, before `{ $predecessor }` ended on { $end }
check-succession-open = `{ $successor }` succeeded `{ $predecessor }` on { $start }, but `{ $predecessor }` has no end date: it is still in force
check-succession-overlap-label = both in force at once
check-succession-overlap-hint = end `{ $predecessor }` (its `valid_until`) on the day `{ $successor }` took over, or correct the date of the succession
check-succession-gap = `{ $successor }` succeeded `{ $predecessor }` on { $start }, more than a year after `{ $predecessor }` ended on { $end }
check-succession-gap-label = { $days } days between the two
check-succession-gap-hint = check the two dates: a successor usually takes over on the day its predecessor ends, or within months; if another unit stood between them, describe it and its successions
check-undated-dissolution = { $unit } is dissolved, on a date the description does not give: it is in the structure of no day
check-undated-dissolution-label = `dissolved`, and no `valid_until`
check-undated-dissolution-hint = give it a `valid_until`, the day it ended: the structure of the days before then holds it (`--as-of`)
check-status-dissolved = { $unit } is `dissolved`, yet it ends only on { $until }: it is in force until then
check-status-dissolved-hint = its `valid_until` ends it on { $until } whatever its status: leave out `"status": "dissolved"`, which says it no longer exists
check-status-planned = { $unit } is `planned`, yet it began on { $from }: it is in force since then
check-status-planned-hint = once it is set up, its status is `being-set-up`, or left out (active); otherwise correct its `valid_from`
check-status-label = its status says otherwise than its dates
## Proposals that take effect on a date, and apply

proposal-not-in-force = this proposal takes effect on { $effective }, after the day asked for ({ $day })
proposal-not-in-force-label = takes effect on this day
proposal-not-in-force-hint = a proposal changes nothing before it takes effect: give `--as-of { $effective }` or a later day, or leave out `--proposal` to see the structure of { $day }
proposal-id-of-absent = `{ $id }` is the id of a unit that { $why ->
    [ended] ended on { $date }
    [not-yet] begins on { $date }
   *[ended-undated] was dissolved
}
proposal-id-of-absent-label = taken by a unit of another day
proposal-id-of-absent-hint = an id names one unit at every date: give the new unit another id
check-effective = Takes effect on { $effective }: the structure is checked as of { $same ->
    [same] that day
   *[later] { $day }
}
apply-needs-proposal = `apply` writes a proposal into the description: name it with --proposal FILE
apply-not-files = `apply` writes the description's files, so it reads them from a folder or files named with --org (or ./org), not from { $input ->
    [stdin] standard input
   *[builtin] the description built into organigram
}
apply-no-effective = the proposal { $file } does not say when it takes effect, and `apply` dates its changes with that day: add `"effective": "YYYY-MM-DD"` to it
apply-new-errors = error: the proposal brings { $n ->
    [one] { $n } new error
   *[other] { $n } new errors
}, above; nothing was written
apply-new-errors-hint = help: `organigram check --proposal { $file }` shows them with the rest
apply-changed-since-read = { $path } changed since it was read; nothing was written: run `{ $command }` again
apply-not-written = { $error }; nothing was written
apply-title = Applied: { $title } ({ $file }), effective { $effective }
apply-nothing = the proposal changes no file
apply-wrote = wrote { $path }
apply-wrote-canonical = wrote { $path }, in organigram's canonical form, which it was not in before: its diff shows more than the proposal's changes
apply-would-not-read = error: written, the description would not read back: { $n ->
    [one] { $n } error
   *[other] { $n } errors
}, above, in the files as they would be; nothing was written
## Editing descriptions (fmt, new)
format-lossy = organigram cannot write this file in its canonical form without changing what it says
format-lossy-hint = this is a bug of organigram: please report it with the file; the file is left as it is
fmt-builtin = there is no ./org folder here, and the description built into organigram cannot be rewritten: name files or folders to format, or a description with --org
fmt-stdin = `fmt` writes files again, so it formats files or folders, not standard input
fmt-wrote = formatted { $path }
fmt-not-canonical = { $path } is not in canonical form; line { $line } would change:
fmt-end-of-file = (end of file)
fmt-check-failed = { $n ->
    [one] { $n } file is not in canonical form: `organigram fmt` rewrites it so
   *[other] { $n } files are not in canonical form: `organigram fmt` rewrites them so
}
fmt-failed = { $n ->
    [one] { $n } file was left as it was
   *[other] { $n } files were left as they were
}, for the reasons above
fmt-changed-since-read = { $path } changed while it was being formatted; it was left as it is: run `fmt` again
new-not-files = `new` writes the description's files, so it reads them from a folder or files named with --org (or ./org), not from { $input ->
    [stdin] standard input
   *[builtin] the description built into organigram
}
new-description-has-errors = error: the description has { $n ->
    [one] { $n } error
   *[other] { $n } errors
}, above: mend { $n ->
    [one] it
   *[other] them
} first, as writing its files again would drop what cannot be read; nothing was written
new-no-organisation = the file named declares no organisation, so it cannot take a unit or a tie
new-unknown-term = `{ $text }` ({ $option }) is no kind organigram knows
new-terms-are = the kinds are { $names }
new-unknown-unit = no unit has the id `{ $id }` ({ $option })
new-find-unit = `organigram find { $text }` lists the units whose names match
new-unknown-source = no source has the id `{ $id }` (--source)
new-declare-source = declare a new source with --source-title TITLE (and --source-url, --source-date), or name a declared one
new-bad-id = `{ $id }` cannot be an id: { $error }
new-unknown-file = { $path } is no file of the description that declares an organisation; they are { $files }
new-what-unit = unit `{ $id }`
new-what-tie = tie { $kind } from `{ $from }` to `{ $to }`
new-brings-errors = error: the addition brings { $n ->
    [one] { $n } new error
   *[other] { $n } new errors
}, above, in the file as it would be; nothing was written
new-would-add = would add { $what } to { $path }:
new-dry-run = note: --dry-run: nothing was written
new-added = added { $what } to { $path }
new-was-not-canonical = the file was not in canonical form, and is now: its diff shows more than the addition
## Generated histories (generate --changes)

generate-history = with a dated history of { $changes ->
    [one] one change
   *[other] { $changes } changes
}, from 2000 to 2025

## The HTML chart (render --format html): its toolbar, card and panels.
html-search = Search: name, acronym, remit…
html-expand-all = Expand all
html-collapse-all = Collapse all
html-depth = Levels
html-depth-all = all
html-fit = Fit
html-zoom-in = Zoom in
html-zoom-out = Zoom out
html-export-svg = SVG
html-export-png = PNG
html-show-ties = Other ties
html-changes = Changes
html-close = Close
html-no-match = No unit matches.
html-expand = Expand
html-collapse = Collapse
html-other-parent = Also under another parent: see its card
html-unattached = Not attached to any unit
html-unframed = Outside the organisations drawn
html-head = head
html-parents = Above
html-children = Below
html-partners = Other ties
html-sources = Sources
html-hint = Click a unit for its card · drag to pan · wheel to zoom · / to search

## The language server (`organigram lsp`)

lsp-proposed = as proposed: { $message }
lsp-proposed-here = the problem is here, in the structure as proposed

### Hover, completion and code actions

lsp-hover-kind = kind: { $kind }
lsp-hover-acronym = acronym: { $acronym }
lsp-hover-head = headed by: { $head }
lsp-hover-vacant = { $post } (vacant)
lsp-hover-organisation = organisation: { $organisation }
lsp-hover-chain = chain of command: { $chain }
lsp-hover-other-lines = { $n ->
    [one] (+{ $n } other line)
   *[other] (+{ $n } other lines)
}
lsp-hover-source = source: { $source }
lsp-hover-ended = not in today's structure: it ended on { $date }
lsp-hover-ended-undated = not in today's structure: it was dissolved, at a date the description does not give
lsp-hover-not-yet = not in today's structure yet: it starts on { $date }
lsp-hover-publisher = publisher: { $publisher }
lsp-hover-reference = reference: { $reference }
lsp-hover-date = date: { $date }
lsp-hover-family = family: { $family }
lsp-hover-reads = reads: { $reads }
lsp-hover-names = in English { $english }; in French { $french }
lsp-complete-french = French name of `{ $name }`
lsp-action-replace = Replace with `{ $value }`
lsp-action-cite = Cite the source `{ $source }`
lsp-action-declare = Declare the unit `{ $id }` ({ $kind })
