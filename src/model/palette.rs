//! The check of the charts' palette for colour-vision deficiencies: what [`super::style`]
//! promises, measured.
//!
//! Colours are compared as people with normal vision and with each of the three dichromacies
//! see them: protanopia, deuteranopia and tritanopia, simulated with the matrices of Machado,
//! Oliveira and Fernandes ("A Physiologically-based Model for Simulation of Color Vision
//! Deficiency", IEEE TVCG 15(6), 2009; severity 1.0), applied to linear RGB. Differences are
//! CIEDE2000 ΔE between CIELAB colours (D65), computed as Sharma, Wu and Dalal give it ("The
//! CIEDE2000 Color-Difference Formula: Implementation Notes, Supplementary Test Data, and
//! Mathematical Observations", Color Research and Application 30(1), 2005), whose test data
//! checks the implementation. Text contrast is WCAG 2's ratio of relative luminances.
//!
//! Thresholds, from the literature:
//! - ΔE₀₀ ≥ 10 between the fills of two families: a ΔE₀₀ of about 1 is a just-noticeable
//!   difference between patches side by side (Sharma 2005), and Szafir ("Modeling Color
//!   Difference for Visualization Design", IEEE TVCG 24(1), 2018) measured that the difference
//!   people need to tell the marks of a chart apart grows well past it as marks shrink; 10 asks
//!   for colours told apart at a glance, across a page.
//!
//! Colour is never the only cue: two unit kinds of a family differ by their shape, border or
//! fill pattern, and two tie kinds by their line or arrowhead, so that no two kinds look alike
//! in any colour vision nor printed in grey.
//! - Contrast ≥ 4.5:1 for text on every fill and on white (where a graded fill ends): WCAG 2.1's
//!   success criterion 1.4.3 (AA) for normal text. Units' grey captions (their kind) are small,
//!   so they are held to it too; the coloured lines some units add (a state in vermillion, a
//!   head in dark orange, a parent outside in blue) say again what the outline or the caption
//!   says, and are not.

use super::style::{MUTED_COLOUR, TEXT_COLOUR};
use super::{Family, TieKind, UnitKind};

/// The smallest CIEDE2000 difference between two families' fills, in every vision.
const FAMILY_DELTA: f64 = 10.0;
/// The smallest WCAG contrast of text on a fill (AA, normal text).
const CONTRAST: f64 = 4.5;

/// A colour vision: a name and the matrix that simulates it on linear RGB.
type Vision = (&'static str, [[f64; 3]; 3]);

/// Normal vision and the three dichromacies, Machado et al. 2009, severity 1.0.
const VISIONS: [Vision; 4] = [
    (
        "normal",
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    ),
    (
        "protanopia",
        [
            [0.152_286, 1.052_583, -0.204_868],
            [0.114_503, 0.786_281, 0.099_216],
            [-0.003_882, -0.048_116, 1.051_998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367_322, 0.860_646, -0.227_968],
            [0.280_085, 0.672_501, 0.047_413],
            [-0.011_820, 0.042_940, 0.968_881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255_528, -0.076_749, -0.178_779],
            [-0.078_411, 0.930_809, 0.147_602],
            [0.004_733, 0.691_367, 0.303_900],
        ],
    ),
];

/// A `#rrggbb` colour as linear RGB, each channel in 0..=1.
fn linear(hex: &str) -> [f64; 3] {
    let channel = |at: usize| {
        let c = f64::from(u8::from_str_radix(&hex[at..at + 2], 16).unwrap()) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    [channel(1), channel(3), channel(5)]
}

/// `rgb` as seen in `vision`, kept in the gamut.
fn seen(vision: &[[f64; 3]; 3], rgb: [f64; 3]) -> [f64; 3] {
    vision.map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
}

/// Linear sRGB as CIELAB, D65 white.
fn lab(rgb: [f64; 3]) -> [f64; 3] {
    const TO_XYZ: [[f64; 3]; 3] = [
        [0.412_456_4, 0.357_576_1, 0.180_437_5],
        [0.212_672_9, 0.715_152_2, 0.072_175_0],
        [0.019_333_9, 0.119_192_0, 0.950_304_1],
    ];
    const WHITE: [f64; 3] = [0.950_47, 1.0, 1.088_83];
    let f = |t: f64| {
        if t > 216.0 / 24_389.0 {
            t.cbrt()
        } else {
            (24_389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let [x, y, z] = [0, 1, 2].map(|i| {
        let row = TO_XYZ[i];
        f((row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]) / WHITE[i])
    });
    [116.0 * y - 16.0, 500.0 * (x - y), 200.0 * (y - z)]
}

/// The CIEDE2000 difference between two CIELAB colours (Sharma, Wu and Dalal 2005).
fn delta_e(one: [f64; 3], two: [f64; 3]) -> f64 {
    let [l1, a1, b1] = one;
    let [l2, a2, b2] = two;
    let seventh = |c: f64| (c.powi(7) / (c.powi(7) + 25f64.powi(7))).sqrt();
    let c_mean = f64::midpoint(a1.hypot(b1), a2.hypot(b2));
    let g = 0.5 * (1.0 - seventh(c_mean));
    let (a1, a2) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1, c2) = (a1.hypot(b1), a2.hypot(b2));
    let hue = |b: f64, a: f64| {
        if b == 0.0 && a == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1, h2) = (hue(b1, a1), hue(b2, a2));
    let chromatic = c1 * c2 != 0.0;
    let dh = match h2 - h1 {
        _ if !chromatic => 0.0,
        d if d > 180.0 => d - 360.0,
        d if d < -180.0 => d + 360.0,
        d => d,
    };
    let dl = l2 - l1;
    let dc = c2 - c1;
    let dh = 2.0 * (c1 * c2).sqrt() * (dh.to_radians() / 2.0).sin();
    let l_mean = f64::midpoint(l1, l2);
    let c_mean = f64::midpoint(c1, c2);
    let h_mean = match (h1 + h2, (h1 - h2).abs()) {
        (sum, _) if !chromatic => sum,
        (sum, gap) if gap <= 180.0 => sum / 2.0,
        (sum, _) if sum < 360.0 => f64::midpoint(sum, 360.0),
        (sum, _) => f64::midpoint(sum, -360.0),
    };
    let cos = |degrees: f64| degrees.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_mean - 30.0) + 0.24 * cos(2.0 * h_mean) + 0.32 * cos(3.0 * h_mean + 6.0)
            - 0.20 * cos(4.0 * h_mean - 63.0);
    let rotation = 30.0 * (-((h_mean - 275.0) / 25.0).powi(2)).exp();
    let rt = -(2.0 * rotation.to_radians()).sin() * 2.0 * seventh(c_mean);
    let sl = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * c_mean;
    let sh = 1.0 + 0.015 * c_mean * t;
    ((dl / sl).powi(2) + (dc / sc).powi(2) + (dh / sh).powi(2) + rt * (dc / sc) * (dh / sh)).sqrt()
}

/// The CIEDE2000 difference between two `#rrggbb` colours as seen in `vision`.
fn difference(vision: &[[f64; 3]; 3], one: &str, two: &str) -> f64 {
    delta_e(
        lab(seen(vision, linear(one))),
        lab(seen(vision, linear(two))),
    )
}

/// WCAG 2's contrast ratio between two `#rrggbb` colours.
fn contrast(one: &str, two: &str) -> f64 {
    let luminance = |hex: &str| {
        let [r, g, b] = linear(hex);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    };
    let (x, y) = (luminance(one), luminance(two));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn ciede2000_gives_sharma_s_test_data() {
    // Pairs 1, 7, 17 and 25 of Sharma, Wu and Dalal's table 1.
    for (one, two, expected) in [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        (
            [60.2574, -34.0099, 36.2677],
            [60.4626, -34.1751, 39.4387],
            1.2644,
        ),
    ] {
        let found = delta_e(one, two);
        assert!((found - expected).abs() < 1e-4, "{found} ≠ {expected}");
    }
    assert!(delta_e(lab(linear("#FFFFFF")), [100.0, 0.0, 0.0]) < 1e-3);
}

#[test]
fn simulated_visions_keep_greys_grey() {
    for (name, vision) in VISIONS {
        for row in vision {
            assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-3, "{name}");
        }
        assert!(difference(&vision, "#808080", "#808080") < 1e-9);
    }
}

#[test]
fn families_fills_stay_apart_in_every_common_colour_vision() {
    for (name, vision) in VISIONS {
        let mut closest = (f64::MAX, Family::Organisation, Family::Organisation);
        for (i, one) in Family::ALL.iter().enumerate() {
            for two in &Family::ALL[i + 1..] {
                let delta = difference(&vision, one.fill(), two.fill());
                if delta < closest.0 {
                    closest = (delta, *one, *two);
                }
            }
        }
        let (delta, one, two) = closest;
        assert!(
            delta >= FAMILY_DELTA,
            "{name}: {} and {} fills differ by ΔE₀₀ {delta:.2}",
            one.as_str(),
            two.as_str()
        );
    }
    // Every kind is filled in its family's colour, so kinds of two families differ as much.
    for kind in UnitKind::ALL {
        assert_eq!(kind.style().fill, kind.family().fill(), "{kind}");
    }
}

#[test]
fn kinds_of_a_family_differ_by_more_than_colour() {
    for (i, one) in UnitKind::ALL.iter().enumerate() {
        for two in &UnitKind::ALL[i + 1..] {
            let (a, b) = (one.style(), two.style());
            assert!(
                (a.shape, a.border, a.pattern) != (b.shape, b.border, b.pattern),
                "{one} and {two} are drawn alike"
            );
        }
    }
}

#[test]
fn tie_kinds_differ_by_more_than_colour() {
    // The full view draws every tie kind together: no two share a line and an arrowhead, so
    // that they read apart in any colour vision and printed in grey, colour aside.
    for (i, one) in TieKind::ALL.iter().enumerate() {
        for two in &TieKind::ALL[i + 1..] {
            let (a, b) = (one.style(), two.style());
            assert!(
                (a.line, a.arrowhead) != (b.line, b.arrowhead),
                "{one} and {two} are drawn alike"
            );
        }
    }
}

#[test]
fn text_reads_on_every_fill() {
    // A graded fill fades to white.
    let fills = Family::ALL.map(Family::fill);
    for fill in fills.iter().chain(&["#FFFFFF"]) {
        for text in [TEXT_COLOUR, MUTED_COLOUR] {
            let ratio = contrast(text, fill);
            assert!(ratio >= CONTRAST, "{text} on {fill}: {ratio:.2}:1");
        }
    }
}
