//! Headless Chromium, which the tests of organigram's HTML chart drive as a person would: open
//! the page from disk, click, type, read what it shows, and hear everything it says on its
//! console and every request it makes.
//!
//! Debian's `chromium` is found on the `PATH`, and installed with apt-get when it is missing
//! ([`require`]). One browser runs per test process, launched by the first [`Page::open`] and
//! killed when the process ends, on one DevTools connection; each page is a tab of its own, in
//! a browser context of its own (no storage or cache shared with another test, whose file://
//! pages would otherwise share one origin), with a download folder of its own.
//!
//! Nothing waits for ever: every call to the browser fails after [`CALL_TIMEOUT`], and
//! [`Page::wait_for`] after the time it is given, so a failing test fails instead of hanging.
//! Every method panics, saying what went wrong, as an assertion does: a test that cannot drive
//! its page has failed.
//!
//! What a page must not do is recorded from the moment it starts loading: console errors
//! (`Runtime.consoleAPICalled` of `console.error` and `console.assert`), uncaught exceptions
//! (`Runtime.exceptionThrown`), the browser's own error reports (`Log.entryAdded`, which says
//! when a resource failed to load or a policy blocked something) and the requests it makes
//! (`Network.requestWillBeSent`). A page opened from a file must request nothing but itself:
//! `data:`, `blob:` and `about:` addresses are not requests to anywhere (their content is in
//! the page already, or made by it), so they are not recorded, and every other address is,
//! another local file included, since a page that needs one is not self-contained. The tests
//! never reach the network: every `http`, `https`, `ws` and `ftp` request is recorded, then
//! refused (`Network.setBlockedURLs`). A request that the page's own content security policy
//! refuses before it is made is not a request, but the browser reports it as an error.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};

use headless_chrome::Browser;
use headless_chrome::Tab;
use headless_chrome::browser::tab::point::Point;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Log, Network, Page as CdpPage, Runtime, Target};
use serde_json::Value;

use crate::provision::{Tool, is_root, lock};
use crate::target_dir;

/// How long one call to the browser may take before the test fails: a page that hangs its
/// renderer, or a browser that died, fails the test after this long.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(120);

/// How long the browser may take to start: the first start on a fresh machine reads a few
/// hundred megabytes from disk.
const LAUNCH_TIMEOUT: Duration = Duration::from_secs(60);

/// The window every page is drawn in, in CSS pixels: a laptop's screen.
const WINDOW: (u32, u32) = (1280, 800);

/// Makes sure Debian's `chromium` runs from the `PATH`, installing it (`apt-get install
/// chromium`, as root) when it is missing; the first call in a process does the work. Panics,
/// saying how to install it, when it is missing and cannot be installed.
pub fn require() {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(why) = READY.get_or_init(|| CHROMIUM.provide()) {
        panic!("{why}");
    }
}

/// Debian's Chromium, as the tests find and install it, with a font so that pages and their
/// screenshots have text whatever else is installed.
const CHROMIUM: Tool = Tool {
    program: "chromium",
    version: "--version",
    packages: &["chromium", "fonts-dejavu-core"],
    files: &["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
    used_to: "drive headless Chromium",
    install: "Install Chromium as `chromium` on the PATH (Debian: `sudo apt-get install \
              chromium`), then run the tests again.",
};

/// The browser this process runs: the connection to its DevTools, and its folder.
struct Chromium {
    /// The one DevTools connection of this process, which every page shares: a connection of
    /// the crate's attaches to every tab the browser opens, so that two connections would
    /// each attach to the other's tabs, and break when one closes as the other attaches.
    browser: Browser,
    /// This process's folder, `target/test-support/chromium/PID/`: the profile, the browser's
    /// log and the pages' download folders.
    dir: PathBuf,
}

/// The browser of this process, launched by the first call.
fn chromium() -> &'static Chromium {
    static CHROMIUM: OnceLock<Result<Chromium, String>> = OnceLock::new();
    match CHROMIUM.get_or_init(launch) {
        Ok(chromium) => chromium,
        Err(why) => panic!("{why}"),
    }
}

/// The arguments Chromium runs with, beside its profile and its window. This machine's network
/// reaches nothing, so every connection Chromium would make of its own accord is turned off:
/// each one would otherwise wait for a timeout, or report errors that are not the page's.
const ARGUMENTS: [&str; 12] = [
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    // Containers give /dev/shm 64 MB, less than a renderer of a large page may want.
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    // DevTools on a port the system picks, written to the profile's `DevToolsActivePort`.
    "--remote-debugging-port=0",
];

fn launch() -> Result<Chromium, String> {
    require();
    let parent = target_dir().join("test-support/chromium");
    let dir = parent.join(std::process::id().to_string());
    remove_stale(&parent)?;
    let profile = dir.join("profile");
    fs::create_dir_all(&profile)
        .map_err(|e| format!("cannot create {}: {e}", profile.display()))?;
    let log_path = dir.join("chromium.log");
    let log = fs::File::create(&log_path)
        .map_err(|e| format!("cannot create {}: {e}", log_path.display()))?;

    let mut command = Command::new("chromium");
    command
        .args(ARGUMENTS)
        .arg(format!("--window-size={},{}", WINDOW.0, WINDOW.1))
        .arg(format!("--user-data-dir={}", profile.display()))
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log);
    if is_root() {
        // Chromium refuses to run as root inside its sandbox; CI runs the tests as root.
        command.arg("--no-sandbox");
    }
    die_with_this_process(&mut command);

    // The thread that starts Chromium waits for it for as long as it runs: Linux ends a child
    // whose parent *thread* ended (see `die_with_this_process`), so it must not be a test's.
    let (started, start) = mpsc::channel();
    let exited: Arc<OnceLock<String>> = Arc::default();
    let exit = Arc::clone(&exited);
    std::thread::Builder::new()
        .name("chromium".into())
        .spawn(move || match command.spawn() {
            Err(error) => {
                let _ = started.send(Err(format!("cannot start `chromium`: {error}")));
            }
            Ok(mut child) => {
                let _ = started.send(Ok(()));
                let status = child.wait();
                let _ = exit.set(format!("{status:?}"));
            }
        })
        .map_err(|e| format!("cannot start a thread: {e}"))?;
    start
        .recv()
        .map_err(|_| "the thread starting Chromium ended".to_string())??;

    let port_file = profile.join("DevToolsActivePort");
    let started_at = Instant::now();
    loop {
        // The port on the first line, the browser's path on the second, once both are written.
        if let Ok(text) = fs::read_to_string(&port_file)
            && let [port, path] = text.lines().collect::<Vec<_>>()[..]
        {
            let address = format!("ws://127.0.0.1:{port}{path}");
            let browser = Browser::connect_with_timeout(address, CALL_TIMEOUT)
                .map_err(|e| format!("cannot connect to Chromium's DevTools: {e}"))?;
            keep_alive(&browser)?;
            return Ok(Chromium { browser, dir });
        }
        let log = || fs::read_to_string(&log_path).unwrap_or_default();
        if let Some(status) = exited.get() {
            return Err(format!(
                "Chromium exited ({status}) as it started:\n{}",
                log()
            ));
        }
        if started_at.elapsed() > LAUNCH_TIMEOUT {
            return Err(format!(
                "Chromium did not open its DevTools port in {LAUNCH_TIMEOUT:?}:\n{}",
                log()
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Keeps the connection from closing while no test uses it: the crate closes a connection that
/// has heard nothing from the browser for [`CALL_TIMEOUT`], and stops tracking tabs when no tab
/// has opened, closed or changed for as long. A tab of its own, in a thread of its own, changes
/// its address eight times as often, for as long as the process runs.
fn keep_alive(browser: &Browser) -> Result<(), String> {
    let tab = browser
        .new_tab()
        .map_err(|e| format!("Chromium opened no tab: {e}"))?;
    std::thread::Builder::new()
        .name("chromium keep-alive".into())
        .spawn(move || {
            for beat in 0_u64.. {
                std::thread::sleep(CALL_TIMEOUT / 8);
                let _ = tab.navigate_to(&format!("about:blank#{beat}"));
            }
        })
        .map_err(|e| format!("cannot start a thread: {e}"))?;
    Ok(())
}

/// Makes the child end when this process ends, however it ends (a test binary killed by a
/// timeout included): a browser left running would hold memory and its folder for ever.
#[cfg(target_os = "linux")]
fn die_with_this_process(command: &mut Command) {
    use std::os::unix::process::CommandExt as _;
    // SAFETY: prctl is a system call, which may be made between fork and exec.
    unsafe {
        command.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Elsewhere the browser ends when its DevTools connections close, or not at all.
#[cfg(not(target_os = "linux"))]
fn die_with_this_process(_command: &mut Command) {}

/// Removes the folders of test processes that have ended: their browsers ended with them.
fn remove_stale(parent: &Path) -> Result<(), String> {
    let _lock = lock("chromium")?;
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ended = name
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists());
        if ended {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    Ok(())
}

/// What a page said on its console, or the browser said about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// `error`, `warning`, `info`, `log`, `debug`…: the console call, or the browser's level.
    pub level: String,
    /// The message: a console call's arguments joined by spaces, an exception's description
    /// with where it was thrown, or the browser's report.
    pub text: String,
    /// Whether it is an error: `console.error`, a failed `console.assert`, an uncaught
    /// exception, or an error the browser reported.
    pub error: bool,
}

/// What a page did, recorded as its events arrive.
#[derive(Default)]
struct Record {
    messages: Vec<Message>,
    requests: Vec<String>,
    /// The last barrier [`Page::settle`] logged that has come back.
    barrier: usize,
}

/// How [`Page::settle`] marks its barriers on the console: `console.debug(BARRIER + n)`.
const BARRIER: &str = "organigram-test-support barrier ";

/// One page in the test process's browser: a tab of its own, closed when dropped.
pub struct Page {
    tab: Arc<Tab>,
    /// The page's own address, without its fragment: the one request it may make.
    url: String,
    record: Arc<Mutex<Record>>,
    /// This page's download folder, made by the first [`Page::download`].
    downloads: OnceLock<PathBuf>,
}

impl Page {
    /// Opens the HTML file at `path` (absolute, or relative to the working directory) in a new
    /// tab, and waits until it has loaded (its `load` event): the page's scripts may still be at
    /// work, which [`Page::wait_for`] waits for.
    pub fn open(path: &Path) -> Page {
        Page::open_at(path, "")
    }

    /// Opens the HTML file at `path` with `fragment` in its address (`unit=ID` opens
    /// `file:///…#unit=ID`; empty, none), as [`Page::open`].
    pub fn open_at(path: &Path, fragment: &str) -> Page {
        let path = fs::canonicalize(path)
            .unwrap_or_else(|e| panic!("cannot open {} in the browser: {e}", path.display()));
        let url = file_url(&path);
        let browser = &chromium().browser;
        let context = browser
            .new_context()
            .unwrap_or_else(|e| panic!("Chromium made no browser context: {e}"))
            .get_id()
            .to_owned();
        let tab = browser
            .new_tab_with_options(Target::CreateTarget {
                url: "about:blank".into(),
                left: None,
                top: None,
                width: Some(WINDOW.0),
                height: Some(WINDOW.1),
                window_state: None,
                browser_context_id: Some(context.clone()),
                enable_begin_frame_control: None,
                new_window: None,
                background: None,
                for_tab: None,
                hidden: None,
            })
            .unwrap_or_else(|e| panic!("Chromium opened no tab: {e}"));
        let page = Page {
            tab,
            url: url.clone(),
            record: Arc::default(),
            downloads: OnceLock::new(),
        };
        page.listen();
        let address = if fragment.is_empty() {
            url
        } else {
            format!("{url}#{fragment}")
        };
        page.tab
            .navigate_to(&address)
            .unwrap_or_else(|e| panic!("Chromium did not load {address}: {e}"));
        // Loaded once the new document has fired its `load` event; the blank one it replaces
        // has another address.
        page.wait_for(
            &format!(
                "location.href.startsWith({}) && document.readyState === 'complete'",
                Value::from(page.url.as_str())
            ),
            CALL_TIMEOUT,
        );
        page
    }

    /// Records the page's console, exceptions, the browser's reports and requests, from now on.
    fn listen(&self) {
        let record = Arc::clone(&self.record);
        let own = self.url.clone();
        let listener = move |event: &Event| {
            let mut record = record.lock().expect("the record is not poisoned");
            match event {
                Event::RuntimeConsoleAPICalled(called) => {
                    let level = serde_json::to_value(&called.params.Type)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    let text: Vec<String> = called.params.args.iter().map(shown).collect();
                    let text = text.join(" ");
                    if let Some(n) = text.strip_prefix(BARRIER) {
                        record.barrier = n.parse().unwrap_or(record.barrier);
                        return;
                    }
                    record.messages.push(Message {
                        error: level == "error" || level == "assert",
                        level,
                        text,
                    });
                }
                Event::RuntimeExceptionThrown(thrown) => {
                    let details = &thrown.params.exception_details;
                    // An error's description has its stack; a thrown string has no place.
                    let what = details.exception.as_ref().map_or_else(
                        || {
                            let place = details.url.as_deref().unwrap_or("the page");
                            let (line, column) =
                                (details.line_number + 1, details.column_number + 1);
                            format!("{} at {place}:{line}:{column}", details.text)
                        },
                        shown,
                    );
                    record.messages.push(Message {
                        level: "error".into(),
                        text: format!("uncaught: {what}"),
                        error: true,
                    });
                }
                Event::LogEntryAdded(added) => {
                    let entry = &added.params.entry;
                    let level = serde_json::to_value(&entry.level)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    let text = match &entry.url {
                        Some(url) => format!("{} ({url})", entry.text),
                        None => entry.text.clone(),
                    };
                    record.messages.push(Message {
                        error: matches!(entry.level, Log::LogEntryLevel::Error),
                        level,
                        text,
                    });
                }
                Event::NetworkRequestWillBeSent(sent) => {
                    let url = &sent.params.request.url;
                    let local = ["data:", "blob:", "about:"]
                        .iter()
                        .any(|scheme| url.starts_with(scheme));
                    if !local && *url != own {
                        record.requests.push(url.clone());
                    }
                }
                _ => {}
            }
        };
        self.tab
            .add_event_listener(Arc::new(listener))
            .unwrap_or_else(|e| panic!("cannot listen to the page: {e}"));
        let enabled = self
            .tab
            .call_method(Runtime::Enable(None))
            .map(drop)
            .and_then(|()| self.tab.call_method(Log::Enable(None)).map(drop))
            .and_then(|()| {
                self.tab
                    .call_method(Network::Enable {
                        max_total_buffer_size: None,
                        max_resource_buffer_size: None,
                        max_post_data_size: None,
                        report_direct_socket_traffic: None,
                        enable_durable_messages: None,
                    })
                    .map(drop)
            })
            .and_then(|()| {
                // Recorded, then refused: no test reaches the network, whatever a page asks.
                let urls = ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"];
                self.tab
                    .call_method(Network::SetBlockedURLs {
                        urls: urls.map(str::to_owned).to_vec(),
                    })
                    .map(drop)
            });
        enabled.unwrap_or_else(|e| panic!("cannot listen to the page: {e}"));
    }

    /// Evaluates the JavaScript expression `expression` in the page and returns its value as
    /// JSON, awaiting it if it is a promise; `undefined` is `null`. Panics when it throws.
    pub fn eval(&self, expression: &str) -> Value {
        let evaluated = self
            .tab
            .call_method(Runtime::Evaluate {
                expression: expression.to_string(),
                return_by_value: Some(true),
                await_promise: Some(true),
                user_gesture: Some(true),
                object_group: None,
                include_command_line_api: None,
                silent: None,
                context_id: None,
                generate_preview: None,
                throw_on_side_effect: None,
                timeout: None,
                disable_breaks: None,
                repl_mode: None,
                allow_unsafe_eval_blocked_by_csp: None,
                unique_context_id: None,
                serialization_options: None,
            })
            .unwrap_or_else(|e| panic!("the browser did not evaluate `{expression}`: {e}"));
        if let Some(details) = evaluated.exception_details {
            let what = details
                .exception
                .as_ref()
                .map_or_else(|| details.text.clone(), shown);
            panic!("`{expression}` threw: {what}");
        }
        evaluated.result.value.unwrap_or(Value::Null)
    }

    /// Waits until the JavaScript expression `condition` is truthy (`true`, a number but 0, a
    /// string but "", an object) and returns its value; checks again every 20 ms. Panics when
    /// it is not within `timeout`, showing its last value and the page's errors, or when it
    /// throws (write `window.thing?.ready` for what may not exist yet).
    pub fn wait_for(&self, condition: &str, timeout: Duration) -> Value {
        let start = Instant::now();
        loop {
            let value = self.eval(condition);
            if truthy(&value) {
                return value;
            }
            if start.elapsed() > timeout {
                panic!(
                    "`{condition}` was still {value} after {timeout:?}; the page's errors: {:?}",
                    self.errors()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Clicks the first element that matches the CSS `selector`, as a person does: scrolled
    /// into view, a real mouse press and release at its centre. Panics when no element
    /// matches, or when it has no size, is outside the window, or is under another element
    /// there (a person could not click it either).
    pub fn click(&self, selector: &str) {
        let centre = self.eval(&format!(
            "(() => {{
                const element = document.querySelector({selector});
                if (!element) return {{ error: 'no element matches it' }};
                element.scrollIntoView({{ block: 'center', inline: 'center' }});
                const box = element.getBoundingClientRect();
                if (box.width === 0 && box.height === 0) return {{ error: 'it is not displayed' }};
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight)
                    return {{ error: `its centre (${{x}}, ${{y}}) is outside the window` }};
                const hit = document.elementFromPoint(x, y);
                if (hit !== element && !element.contains(hit)) {{
                    const name = hit ? hit.outerHTML.slice(0, 120) : 'nothing';
                    return {{ error: `its centre (${{x}}, ${{y}}) shows another element: ${{name}}` }};
                }}
                return {{ x, y }};
            }})()",
            selector = Value::from(selector)
        ));
        if let Some(error) = centre["error"].as_str() {
            panic!("cannot click `{selector}`: {error}");
        }
        let (Some(x), Some(y)) = (centre["x"].as_f64(), centre["y"].as_f64()) else {
            panic!("cannot click `{selector}`: no centre in {centre}");
        };
        self.tab
            .click_point(Point { x, y })
            .unwrap_or_else(|e| panic!("the browser did not click `{selector}`: {e}"));
    }

    /// Types `text` into the field that matches `selector` as a person does: clicks it, selects
    /// what it holds, so that the text replaces it, then presses a key for each character (key
    /// down, the character, key up), so the page sees the same `keydown`, `input` and `keyup`
    /// events. A character that no key of a US keyboard makes (`é`) is inserted as an input
    /// method does: an `input` event, no key.
    pub fn type_text(&self, selector: &str, text: &str) {
        self.click(selector);
        self.eval("document.activeElement?.select?.()");
        self.tab
            .type_str(text)
            .unwrap_or_else(|e| panic!("the browser did not type {text:?}: {e}"));
    }

    /// Presses and releases the key named `key` (`Enter`, `Escape`, `ArrowDown`, `a`…, as
    /// the DOM's `KeyboardEvent.key` names them) in whatever has the focus.
    pub fn press(&self, key: &str) {
        self.tab
            .press_key(key)
            .unwrap_or_else(|e| panic!("the browser did not press {key}: {e}"));
    }

    /// Waits until every event the page sent before this call has been recorded: the events
    /// come on a thread of their own, and may lag behind the answer to a call. Logs a barrier
    /// on the page's console, which comes back after everything the page logged before it.
    fn settle(&self) {
        static BARRIERS: AtomicUsize = AtomicUsize::new(1);
        let n = BARRIERS.fetch_add(1, Ordering::Relaxed);
        self.eval(&format!(
            "console.debug({})",
            Value::from(format!("{BARRIER}{n}"))
        ));
        let start = Instant::now();
        while self.record.lock().expect("not poisoned").barrier < n {
            assert!(
                start.elapsed() < CALL_TIMEOUT,
                "the page's console events stopped coming"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Every message of the page's console and the browser's reports on it, in order, up to
    /// now.
    pub fn messages(&self) -> Vec<Message> {
        self.settle();
        self.record.lock().expect("not poisoned").messages.clone()
    }

    /// The errors among [`Page::messages`]: console errors, uncaught exceptions, and the
    /// errors the browser reported (a resource that failed to load…), as text.
    pub fn errors(&self) -> Vec<String> {
        self.settle();
        let record = self.record.lock().expect("not poisoned");
        record
            .messages
            .iter()
            .filter(|m| m.error)
            .map(|m| m.text.clone())
            .collect()
    }

    /// The addresses the page requested, in order, but its own and `data:`, `blob:` and
    /// `about:` ones (see the module's documentation).
    pub fn requests(&self) -> Vec<String> {
        self.settle();
        self.record.lock().expect("not poisoned").requests.clone()
    }

    /// Saves what the window shows as a PNG file at `path`, making its folder.
    pub fn screenshot(&self, path: &Path) {
        let png = self
            .tab
            .capture_screenshot(
                CdpPage::CaptureScreenshotFormatOption::Png,
                None,
                None,
                true,
            )
            .unwrap_or_else(|e| panic!("the browser took no screenshot: {e}"));
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        }
        fs::write(path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    /// Clicks the element that matches `selector` ([`Page::click`]) and returns the file that
    /// the browser downloaded because of it, under the name the page gave it, once complete.
    /// Panics when no download completes within `timeout`.
    pub fn download(&self, selector: &str, timeout: Duration) -> PathBuf {
        let dir = self.downloads.get_or_init(|| {
            static PAGES: AtomicUsize = AtomicUsize::new(0);
            let n = PAGES.fetch_add(1, Ordering::Relaxed);
            let dir = chromium().dir.join(format!("downloads/{n}"));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
            self.tab
                .call_method(CdpPage::SetDownloadBehavior {
                    behavior: CdpPage::SetDownloadBehaviorBehaviorOption::Allow,
                    download_path: Some(dir.display().to_string()),
                })
                .unwrap_or_else(|e| panic!("the browser does not download: {e}"));
            dir
        });
        let before = files(dir);
        self.click(selector);
        let start = Instant::now();
        loop {
            // Chromium writes `NAME.crdownload`, then renames it once complete.
            let new: Vec<PathBuf> = files(dir)
                .into_iter()
                .filter(|f| !before.contains(f) && f.extension().is_none_or(|e| e != "crdownload"))
                .collect();
            if let [file] = &new[..] {
                return file.clone();
            }
            assert!(
                new.len() < 2,
                "clicking `{selector}` downloaded several files: {new:?}"
            );
            assert!(
                start.elapsed() < timeout,
                "clicking `{selector}` downloaded nothing in {timeout:?}; the page's errors: {:?}",
                self.errors()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        // Its browser context stays, empty, until the browser ends: disposing of one is a
        // browser-level call the crate does not offer.
        let _ = self.tab.close(false);
    }
}

/// The files of a folder.
fn files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// A `file://` address of an absolute path, its bytes escaped but for the unreserved ones and
/// `/`, as a browser writes it.
pub fn file_url(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt as _;
    let mut url = String::from("file://");
    for &byte in path.as_os_str().as_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// What a value of the page shows, as the console would print it: a string as itself, another
/// value as JSON, an object by its description (`Error: message` and its stack).
fn shown(object: &Runtime::RemoteObject) -> String {
    match (&object.value, &object.description) {
        (Some(Value::String(text)), _) => text.clone(),
        (_, Some(description)) => description.clone(),
        (Some(value), None) => value.to_string(),
        (None, None) => format!("{:?}", object.Type).to_lowercase(),
    }
}

/// Whether a JavaScript value is truthy, as JSON carries it (NaN is `null`).
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::root;

    fn fixture(name: &str) -> Page {
        let page = Page::open(&root().join("tests/fixtures/browser").join(name));
        page.wait_for(
            "document.readyState === 'complete'",
            Duration::from_secs(10),
        );
        page
    }

    #[test]
    fn a_quiet_page_reports_no_error_and_no_request() {
        let page = fixture("quiet.html");
        page.wait_for("window.harness.ready", Duration::from_secs(10));
        assert_eq!(page.errors(), Vec::<String>::new());
        assert_eq!(page.requests(), Vec::<String>::new());
        let logged = Message {
            level: "log".into(),
            text: "the quiet page runs".into(),
            error: false,
        };
        assert_eq!(page.messages(), [logged]);
    }

    #[test]
    fn a_noisy_page_reports_its_errors_exception_and_request() {
        let page = fixture("noisy.html");
        // The exception is thrown once the page's script has run.
        page.eval("new Promise((done) => setTimeout(done, 50))");
        let errors = page.errors();
        assert!(
            errors.contains(&"broken on purpose 42".to_string()),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("uncaught: TypeError: thrown on purpose")),
            "{errors:?}"
        );
        // The browser's own report (`Log.entryAdded`) of the missing image.
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("Failed to load resource")
                    && e.ends_with("/tests/fixtures/browser/missing.png)")),
            "{errors:?}"
        );
        let warnings: Vec<Message> = page
            .messages()
            .into_iter()
            .filter(|m| m.level == "warning")
            .collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(!warnings[0].error);
        let requests = page.requests();
        assert_eq!(requests.len(), 2, "{requests:?}");
        assert!(requests[0].ends_with("/tests/fixtures/browser/missing.png"));
        assert_eq!(requests[1], "https://organigram.invalid/pixel.png");
    }

    #[test]
    fn clicks_and_keys_are_real_input_events() {
        let page = fixture("quiet.html");
        // Below the window's fold: clicking scrolls it into view first.
        page.click("#button");
        page.wait_for(
            "document.getElementById('clicked').textContent",
            Duration::from_secs(10),
        );
        assert_eq!(
            page.eval("document.getElementById('clicked').textContent"),
            "trusted"
        );

        page.type_text("#field", "Génie");
        assert_eq!(
            page.eval("document.getElementById('typed').textContent"),
            "Génie"
        );
        page.press("Enter");
        // Typing again replaces what the field holds.
        page.type_text("#field", "ab");
        assert_eq!(
            page.eval("document.getElementById('typed').textContent"),
            "ab"
        );
        // A key of the US keyboard is pressed; another character is inserted, as an input
        // method does.
        assert_eq!(
            page.eval("window.harness.keys"),
            serde_json::json!(["G", "n", "i", "e", "Enter", "a", "b"])
        );
    }

    #[test]
    #[should_panic(expected = "shows another element: <div id=\"cover\">")]
    fn an_element_under_another_cannot_be_clicked() {
        fixture("quiet.html").click("#covered");
    }

    #[test]
    #[should_panic(expected = "no element matches it")]
    fn clicking_what_is_not_there_fails() {
        fixture("quiet.html").click("#nothing");
    }

    #[test]
    #[should_panic(expected = "`window.harness.never` was still null after 200ms")]
    fn waiting_for_what_never_comes_fails_instead_of_hanging() {
        fixture("quiet.html").wait_for("window.harness.never", Duration::from_millis(200));
    }

    #[test]
    fn evaluating_returns_json_and_a_throw_fails() {
        let page = fixture("quiet.html");
        assert_eq!(
            page.eval("({ list: [1, 'two', null], yes: true, nothing: undefined })"),
            serde_json::json!({ "list": [1, "two", null], "yes": true })
        );
        assert_eq!(page.eval("Promise.resolve(7)"), 7);
        assert_eq!(page.eval("undefined"), Value::Null);
        let threw =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| page.eval("null.property")));
        let why = *threw.unwrap_err().downcast::<String>().unwrap();
        assert!(why.contains("threw: TypeError"), "{why}");
    }

    #[test]
    fn a_download_is_a_file_and_a_screenshot_a_png() {
        let page = fixture("quiet.html");
        let saved = page.download("#save", Duration::from_secs(10));
        assert_eq!(saved.file_name().unwrap(), "saved.txt");
        assert_eq!(fs::read_to_string(&saved).unwrap(), "saved by the page\n");
        // A blob is made by the page, not requested from anywhere.
        assert_eq!(page.requests(), Vec::<String>::new());

        let path = chromium().dir.join("quiet.png");
        page.screenshot(&path);
        let png = fs::read(&path).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    }

    #[test]
    fn a_file_url_escapes_what_a_path_may_hold() {
        assert_eq!(
            file_url(Path::new("/tmp/a chart/é#1.html")),
            "file:///tmp/a%20chart/%C3%A9%231.html"
        );
    }
}
