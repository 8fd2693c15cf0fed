//! `organigram render --format html`, opened as a person opens it: the page the binary writes,
//! loaded from disk in a real headless Chromium ([`support::browser`]) and used through real
//! clicks and key presses. Each test reads what the page shows through its contract (the doc
//! comment of `src/render/html/mod.rs`: `window.organigram`, `[data-unit]`, `#search`, `#card`,
//! `[data-tie]`, `data-change`), never its bytes, and ends by checking that the page logged no
//! error, threw nothing and requested nothing but itself.
//!
//! No test asserts a duration: a shared machine's timings vary too much to assert, so speed is
//! measured in the benchmarks. What keeps the page fast is asserted instead: that it draws only
//! what is visible (the 10,000-unit page holds an element for a few hundred units, not all of
//! them). Every wait has a timeout that only catches a page that never gets there, and the tests
//! print how long the pages took to become ready (`readyAt`), as the browser saw it.
//!
//! One browser serves the whole test binary, each test in a tab of its own; the 10,000-unit
//! description and page are made once.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::browser::Page;
use crate::support::{organigram, root, target_dir};

/// How long a page may take to become ready: far more than any should, so that it catches a
/// page that hangs or breaks, never a slow machine.
const READY: Duration = Duration::from_secs(60);

/// How long the page may take to answer a click or a key: as generous.
const ANSWER: Duration = Duration::from_secs(20);

/// A deep unit of the built-in Justice chart: a post of DiP A-JUST, the project directorate
/// under the judicial services' directorate, under the ministry.
const DEEP: &str = "dip-a-just-analyste-donnees";

/// A new empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("organigram-browser-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `organigram ARGS --format html -o FILE`, run from the project's root: the page it wrote.
fn html(name: &str, args: &[&str]) -> PathBuf {
    let file = scratch(name).join(format!("{name}.html"));
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "html", "-o"]);
    let out = organigram(all.iter().map(Path::new).chain([file.as_path()]))
        .run()
        .success();
    assert!(file.is_file(), "no page written: {out}");
    file
}

/// The built-in Justice chart, `render --organisation justice`, with more arguments.
fn justice(name: &str, more: &[&str]) -> PathBuf {
    let mut args = vec!["render", "--organisation", "justice"];
    args.extend(more);
    html(name, &args)
}

/// Opens the page at `path` (with `fragment` in its address, if not empty) and waits until it
/// says it is ready; prints how long that took, by the page's own clock.
fn open(path: &Path, fragment: &str) -> Page {
    let started = Instant::now();
    let page = Page::open_at(path, fragment);
    page.wait_for(
        "window.organigram?.ready === true && document.documentElement.dataset.ready === 'true'",
        READY,
    );
    let ready_at = page.eval("window.organigram.readyAt");
    println!(
        "{}: ready at {ready_at} ms of the page's clock, {:?} after the test asked for it",
        path.file_name().unwrap().to_string_lossy(),
        started.elapsed()
    );
    page
}

/// Asserts that the page logged no error, threw no exception and requested nothing.
fn assert_quiet(page: &Page) {
    assert_eq!(page.errors(), Vec::<String>::new(), "the page's errors");
    assert_eq!(page.requests(), Vec::<String>::new(), "the page's requests");
}

/// A CSS selector as a JavaScript string.
fn js(selector: &str) -> String {
    Value::from(selector).to_string()
}

/// How many elements match `selector`.
fn count(page: &Page, selector: &str) -> u64 {
    page.eval(&format!(
        "document.querySelectorAll({}).length",
        js(selector)
    ))
    .as_u64()
    .unwrap()
}

/// The text of the first element that matches `selector`, `None` when none does.
fn text(page: &Page, selector: &str) -> Option<String> {
    page.eval(&format!(
        "document.querySelector({})?.textContent",
        js(selector)
    ))
    .as_str()
    .map(str::to_owned)
}

/// Waits until an element matches `selector`.
fn wait_for_element(page: &Page, selector: &str) {
    page.wait_for(&format!("document.querySelector({})", js(selector)), ANSWER);
}

/// Waits until no element matches `selector`.
fn wait_for_none(page: &Page, selector: &str) {
    page.wait_for(
        &format!("!document.querySelector({})", js(selector)),
        ANSWER,
    );
}

/// The selector of the drawn unit `id`.
fn unit(id: &str) -> String {
    format!("[data-unit=\"{id}\"]")
}

/// The ids of the units the page's data places under `id`, at every depth.
fn descendants(page: &Page, id: &str) -> Vec<String> {
    let ids = page.eval(&format!(
        "(() => {{
            const units = window.organigram.data.units;
            const below = new Set([units.findIndex((u) => u.id === {id})]);
            let grew = true;
            while (grew) {{
                grew = false;
                units.forEach((u, i) => {{
                    if (u.parent != null && below.has(u.parent) && !below.has(i)) {{
                        below.add(i);
                        grew = true;
                    }}
                }});
            }}
            return units.filter((u, i) => below.has(i) && u.id !== {id}).map((u) => u.id);
        }})()",
        id = Value::from(id)
    ));
    serde_json::from_value(ids).unwrap()
}

/// The quote with which `org/justice.json` cites the unit `id`.
fn quote_in_justice_json(id: &str) -> String {
    let text = std::fs::read_to_string(root().join("org/justice.json")).unwrap();
    let description: Value = serde_json::from_str(&text).unwrap();
    let unit = description["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .unwrap_or_else(|| panic!("org/justice.json has no unit {id}"));
    unit["source"]["quote"].as_str().unwrap().to_owned()
}

#[test]
fn the_justice_chart_loads_with_no_error_no_exception_and_no_request() {
    let page = open(&justice("justice", &[]), "");
    assert!(count(&page, "[data-unit]") > 0, "no unit drawn");
    assert!(count(&page, unit("justice").as_str()) == 1);
    let screenshot = target_dir().join("browser/justice.png");
    page.screenshot(&screenshot);
    println!("screenshot: {}", screenshot.display());
    assert_quiet(&page);
}

#[test]
fn search_without_accents_or_case_finds_a_deep_unit_and_expands_it_into_view() {
    let page = open(&justice("search", &[]), "");
    page.click("[data-action=\"collapse-all\"]");
    wait_for_none(&page, &unit(DEEP));

    page.type_text("#search", "ANALYSTE DE DONNEES");
    let found = format!("{}.match.current", unit(DEEP));
    wait_for_element(&page, &found);
    // Its ancestors are expanded, and the results list it.
    for ancestor in ["justice", "dsj", "dip-a-just"] {
        assert_eq!(
            page.eval(&format!(
                "document.querySelector({})?.dataset.expanded",
                js(&unit(ancestor))
            )),
            "true",
            "{ancestor} is not expanded"
        );
    }
    assert_eq!(
        count(&page, &format!("#results [data-unit-link=\"{DEEP}\"]")),
        1
    );
    // Into view: a person can click it where it is.
    page.click(&found);
    assert_quiet(&page);
}

#[test]
fn enter_goes_to_the_next_match() {
    let page = open(&justice("next", &[]), "");
    // DiP A-JUST's developers' posts match, at least.
    page.type_text("#search", "developpeur");
    wait_for_element(&page, "[data-unit].match.current");
    let first = page.eval("document.querySelector('[data-unit].current').dataset.unit");
    let matches = count(&page, "[data-unit].match");
    assert!(matches >= 2, "{matches} matches");
    page.press("Enter");
    page.wait_for(
        &format!("document.querySelector('[data-unit].current')?.dataset.unit !== {first}"),
        ANSWER,
    );
    assert_eq!(count(&page, "[data-unit].current"), 1);
    assert_quiet(&page);
}

#[test]
fn clicking_a_unit_shows_its_card_with_its_source_quote_and_its_links_select() {
    let page = open(&justice("card", &[]), "");
    page.click("[data-action=\"expand-all\"]");
    wait_for_element(&page, &unit(DEEP));
    page.click(&unit(DEEP));
    wait_for_element(&page, &format!("{}.selected", unit(DEEP)));
    assert_eq!(
        text(&page, "#card [data-field=\"name\"]").as_deref(),
        Some("Analyste de données")
    );
    assert!(
        text(&page, "#card [data-field=\"kind\"]").is_some_and(|k| k.contains("post")),
        "{:?}",
        text(&page, "#card [data-field=\"kind\"]")
    );
    let quotes = page
        .eval("[...document.querySelectorAll('#card .source .quote')].map((q) => q.textContent)");
    let quote = quote_in_justice_json(DEEP);
    assert!(
        quotes
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q.as_str().is_some_and(|q| q.contains(&quote))),
        "the card's quotes {quotes} lack {quote:?}"
    );
    assert_eq!(page.eval("location.hash"), format!("#unit={DEEP}"));
    page.screenshot(&target_dir().join("browser/justice-card.png"));

    // The parent, in the card, is a link that selects it.
    page.click("#card a[data-unit-link=\"dip-a-just\"]");
    wait_for_element(&page, &format!("{}.selected", unit("dip-a-just")));
    assert_eq!(count(&page, "[data-unit].selected"), 1);
    assert!(
        text(&page, "#card [data-field=\"name\"]").is_some_and(|n| n.contains("Outils numériques")),
        "{:?}",
        text(&page, "#card [data-field=\"name\"]")
    );
    assert_eq!(page.eval("location.hash"), "#unit=dip-a-just");
    assert_quiet(&page);
}

#[test]
fn folding_a_unit_removes_its_descendants_and_unfolding_brings_them_back() {
    let page = open(&justice("fold", &[]), "");
    page.click("[data-action=\"expand-all\"]");
    let below = descendants(&page, "dsj");
    assert!(below.len() > 10, "{below:?}");
    for id in &below {
        wait_for_element(&page, &unit(id));
    }
    let toggle = format!("{} [data-action=\"toggle\"]", unit("dsj"));

    page.click(&toggle);
    page.wait_for(
        &format!(
            "document.querySelector({})?.dataset.expanded === 'false'",
            js(&unit("dsj"))
        ),
        ANSWER,
    );
    for id in &below {
        wait_for_none(&page, &unit(id));
    }
    assert_eq!(count(&page, &unit("dsj")), 1, "the folded unit stays");

    page.click(&toggle);
    page.wait_for(
        &format!(
            "document.querySelector({})?.dataset.expanded === 'true'",
            js(&unit("dsj"))
        ),
        ANSWER,
    );
    for id in ["dsj-sd-rh-greffes", "dip-a-just"] {
        wait_for_element(&page, &unit(id));
    }
    assert_quiet(&page);
}

#[test]
fn the_selected_unit_s_other_ties_are_drawn_on_demand() {
    let page = open(&justice("other-ties", &[]), "");
    let programme = unit("justice-dp-ia");
    page.click(&programme);
    wait_for_element(&page, &format!("{programme}.selected"));
    let others = "[data-tie][data-other][data-from=\"justice-dp-ia\"][data-kind=\"cooperation\"]";
    assert_eq!(
        count(&page, others),
        0,
        "the org chart opens with its hierarchy only"
    );

    page.click("[data-action=\"show-ties\"]");
    wait_for_element(&page, others);
    assert_eq!(
        page.eval(
            "document.querySelector('[data-action=\"show-ties\"]').getAttribute('aria-pressed')"
        ),
        "true"
    );
    page.click("[data-action=\"show-ties\"]");
    wait_for_none(&page, others);
    assert_quiet(&page);
}

#[test]
fn zooming_in_and_out_scales_the_chart() {
    let page = open(&justice("zoom", &[]), "");
    let width = || {
        page.eval(&format!(
            "document.querySelector({}).getBoundingClientRect().width",
            js(&unit("justice"))
        ))
        .as_f64()
        .unwrap()
    };
    let before = width();
    page.click("[data-action=\"zoom-in\"]");
    page.wait_for(
        &format!(
            "document.querySelector({}).getBoundingClientRect().width > {before}",
            js(&unit("justice"))
        ),
        ANSWER,
    );
    page.click("[data-action=\"zoom-out\"]");
    page.click("[data-action=\"zoom-out\"]");
    page.wait_for(
        &format!(
            "document.querySelector({}).getBoundingClientRect().width < {before}",
            js(&unit("justice"))
        ),
        ANSWER,
    );
    assert!(width() > 0.0);
    assert_quiet(&page);
}

#[test]
fn a_unit_with_two_parents_is_drawn_once_with_both_ties() {
    // The DNE is a directorate common to the secretariat general and the DGESCO.
    let page = open(
        &html("two-parents", &["render", "--organisation", "education"]),
        "",
    );
    page.click("[data-action=\"expand-all\"]");
    wait_for_element(&page, &unit("dne"));
    assert_eq!(count(&page, &unit("dne")), 1);
    for parent in ["menj-sg", "dgesco"] {
        assert_eq!(count(&page, &unit(parent)), 1);
        let tie = format!(
            "[data-tie][data-kind=\"joint-attachment\"][data-from=\"dne\"][data-to=\"{parent}\"]"
        );
        assert_eq!(count(&page, &tie), 1, "{tie}");
    }
    assert_quiet(&page);
}

#[test]
fn an_address_with_a_unit_selects_and_reveals_it() {
    let page = open(&justice("address", &[]), &format!("unit={DEEP}"));
    wait_for_element(&page, &format!("{}.selected", unit(DEEP)));
    assert_eq!(
        text(&page, "#card [data-field=\"name\"]").as_deref(),
        Some("Analyste de données")
    );
    assert_quiet(&page);
}

#[test]
fn a_proposal_marks_what_it_adds_moves_changes_and_removes() {
    let page = open(
        &html(
            "proposal",
            &[
                "--org",
                "tests/fixtures/proposals/base.json",
                "render",
                "--proposal",
                "tests/fixtures/proposals/every-operation.json",
            ],
        ),
        "",
    );
    page.click("[data-action=\"expand-all\"]");
    for (id, change) in [
        ("dnum", "added"),
        ("lab", "moved"),
        ("daf", "changed"),
        ("achats", "removed"),
    ] {
        let marked = format!("{}[data-change=\"{change}\"]", unit(id));
        wait_for_element(&page, &marked);
    }
    // What the proposal leaves alone is not marked.
    assert_eq!(count(&page, &format!("{}[data-change]", unit("sg"))), 0);
    assert!(
        count(
            &page,
            "[data-tie][data-change=\"added\"][data-from=\"dnum\"]"
        ) >= 1
    );
    assert_quiet(&page);
}

#[test]
fn in_french_the_page_speaks_french() {
    let page = open(&justice("french", &["--lang", "fr"]), "");
    assert_eq!(page.eval("document.documentElement.lang"), "fr");
    assert_eq!(
        text(&page, "[data-action=\"collapse-all\"]")
            .map(|t| t.trim().to_owned())
            .as_deref(),
        Some("Tout replier")
    );
    assert_eq!(
        page.eval("document.getElementById('search').placeholder"),
        "Rechercher : nom, sigle, mission…"
    );
    page.click(&unit("justice"));
    wait_for_element(&page, "#card [data-field=\"kind\"]");
    assert!(
        text(&page, "#card [data-field=\"kind\"]").is_some_and(|k| k.contains("ministère")),
        "{:?}",
        text(&page, "#card [data-field=\"kind\"]")
    );
    assert_quiet(&page);
}

#[test]
fn the_chart_exports_as_a_well_formed_svg_and_as_a_png() {
    let page = open(&justice("export", &[]), "");
    let file = page.download("[data-action=\"export-svg\"]", ANSWER);
    assert_eq!(file.extension().unwrap(), "svg", "{}", file.display());
    let svg = std::fs::read_to_string(&file).unwrap();
    let document = roxmltree::Document::parse(&svg)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
    let top = document.root_element();
    assert_eq!(top.tag_name().name(), "svg");
    assert_eq!(
        top.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    // It draws the units the page shows, names and all.
    assert!(svg.contains("Ministère de la Justice"), "{svg}");
    // Self-contained: no script, and nothing it would load.
    assert!(
        !document.descendants().any(|n| n.has_tag_name("script")),
        "the SVG holds a script"
    );

    let file = page.download("[data-action=\"export-png\"]", ANSWER);
    assert_eq!(file.extension().unwrap(), "png", "{}", file.display());
    let png = std::fs::read(&file).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_quiet(&page);
}

#[test]
fn the_govuk_register_page_finds_a_deep_unit() {
    let dir = scratch("govuk");
    organigram([
        "import",
        "govuk",
        "tests/data/govuk-organisations.json",
        "--date",
        "2026-08-22",
        "-o",
    ])
    .arg(dir.join("govuk"))
    .run()
    .success();
    let file = dir.join("govuk.html");
    organigram(["--org"])
        .arg(dir.join("govuk"))
        .args(["render", "--format", "html", "-o"])
        .arg(&file)
        .run()
        .success();
    let page = open(&file, "");
    let started = Instant::now();
    // Three levels down: the Cabinet Office, the Central Digital and Data Office, the hub.
    page.type_text("#search", "data quality hub");
    let found = format!("{}.match.current", unit("government-data-quality-hub"));
    wait_for_element(&page, &found);
    println!("found the hub {:?} after typing began", started.elapsed());
    page.click(&found);
    wait_for_element(&page, "#card [data-field=\"name\"]");
    assert_eq!(
        text(&page, "#card [data-field=\"name\"]").as_deref(),
        Some("Government Data Quality Hub")
    );

    // Typing again replaces the search.
    page.type_text("#search", "HM Prison and Probation");
    wait_for_element(
        &page,
        &format!("{}.match", unit("hm-prison-and-probation-service")),
    );
    assert_quiet(&page);
}

/// The page of a generated 10,000-unit description, made once for the tests that open it.
fn ten_thousand() -> &'static Path {
    static PAGE: OnceLock<PathBuf> = OnceLock::new();
    PAGE.get_or_init(|| {
        let dir = scratch("10000");
        organigram(["generate", "--units", "10000", "--seed", "1", "-o"])
            .arg(dir.join("description"))
            .run()
            .success();
        let file = dir.join("10000.html");
        organigram(["--org"])
            .arg(dir.join("description"))
            .args(["render", "--format", "html", "-o"])
            .arg(&file)
            .run()
            .success();
        file
    })
}

/// Fewer elements than this many units are drawn at once on a large page: it draws what is
/// expanded, a few hundred units, never the whole description.
const DRAWN_AT_MOST: u64 = 1_000;

#[test]
fn the_10000_unit_page_becomes_ready_drawing_only_what_is_visible() {
    let page = open(ten_thousand(), "");
    assert_eq!(
        page.eval("window.organigram.data.units.length"),
        10_000,
        "the page's data has every unit"
    );
    let drawn = count(&page, "[data-unit]");
    println!("the 10,000-unit page draws {drawn} units when it opens");
    assert!((1..=DRAWN_AT_MOST).contains(&drawn), "{drawn} units drawn");
    assert_quiet(&page);
}

#[test]
fn search_finds_the_deepest_unit_of_the_10000_unit_page() {
    let page = open(ten_thousand(), "");
    // The deepest unit of the description, as the page's data places it.
    let deepest = page.eval(
        "(() => {
            const units = window.organigram.data.units;
            const depth = (i) => (units[i].parent == null ? 0 : 1 + depth(units[i].parent));
            let best = 0;
            units.forEach((u, i) => { if (depth(i) > depth(best)) best = i; });
            return units[best].id;
        })()",
    );
    let id = deepest.as_str().unwrap();
    assert_eq!(
        count(&page, &unit(id)),
        0,
        "{id} is drawn before it is searched for"
    );
    page.type_text("#search", id);
    wait_for_element(&page, &format!("{}.match.current", unit(id)));
    page.click(&unit(id));
    wait_for_element(&page, &format!("{}.selected", unit(id)));
    assert!(count(&page, "[data-unit]") <= DRAWN_AT_MOST);
    assert_quiet(&page);
}

#[test]
fn a_kind_filter_hangs_dip_a_just_from_the_dsj_by_a_bridge() {
    // Without posts, DiP A-JUST's line runs through the DSJ's director post, which is hidden.
    let page = open(
        &justice(
            "bridge",
            &[
                "--unit-kind",
                "ministry,secretariat-general,directorate,sub-directorate,project-directorate,programme-directorate",
            ],
        ),
        "",
    );
    page.click("[data-action=\"expand-all\"]");
    wait_for_element(&page, &unit("dip-a-just"));
    let bridge = "[data-tie][data-bridge][data-from=\"dip-a-just\"][data-to=\"dsj\"]";
    assert_eq!(count(&page, bridge), 1, "{bridge}");
    assert_eq!(count(&page, &unit("dsj-directeur")), 0);
    assert_quiet(&page);
}
