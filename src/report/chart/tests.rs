use super::*;

/// `s` as the SVG backend writes text: XML-escaped.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn series(name: &str, f: impl Fn(f64) -> f64) -> Series {
    let xs = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0];
    Series {
        name: name.to_string(),
        points: xs.iter().map(|&x| (x, f(x))).collect(),
        spread: xs.iter().map(|&x| (x, f(x) - 2.0, f(x) + 1.5)).collect(),
    }
}

fn references() -> Vec<Reference> {
    vec![
        Reference {
            label: "minimum 60%".to_string(),
            y: 60.0,
        },
        Reference {
            label: "minimum 80%".to_string(),
            y: 80.0,
        },
    ]
}

fn sweep() -> LineChart {
    LineChart {
        title: "Gecertificeerd aandeel bij tekort aan docenten".to_string(),
        x_label: "gecertificeerde docenten weg (%)".to_string(),
        y_label: "gecertificeerd aandeel (%)".to_string(),
        series: vec![
            series("handleiding-2024", |x| 95.0 - 0.9 * x),
            series("addendum-2025 & mentoren", |x| 92.0 - 0.6 * x),
        ],
        references: references(),
        y_range: Some((0.0, 100.0)),
    }
}

fn scenarios() -> BarChart {
    BarChart {
        title: "Cursisten zonder plek per scenario".to_string(),
        y_label: "cursisten niet geplaatst".to_string(),
        bars: vec![
            ("basis".to_string(), 0.0),
            ("locatie Utrecht dicht".to_string(), 14.0),
            ("avondgroepen vervallen".to_string(), 37.0),
        ],
        references: vec![Reference {
            label: "acceptabel".to_string(),
            y: 10.0,
        }],
        y_range: None,
    }
}

/// The line chart's SVG; panics with the error if it cannot be drawn.
fn line(chart: &LineChart) -> String {
    line_chart_svg(chart).unwrap_or_else(|e| panic!("{e}"))
}

/// The bar chart's SVG; panics with the error if it cannot be drawn.
fn bar(chart: &BarChart) -> String {
    bar_chart_svg(chart).unwrap_or_else(|e| panic!("{e}"))
}

/// How many times `needle` occurs in `svg`.
fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[test]
fn line_svg_has_title_axis_labels_every_series_name_and_reference_labels() {
    let chart = sweep();
    let svg = line(&chart);
    assert!(svg.starts_with("<svg width=\"800\" height=\"480\""));
    for text in [&chart.title, &chart.x_label, &chart.y_label] {
        assert!(svg.contains(&escaped(text)), "{text} missing");
    }
    for s in &chart.series {
        assert!(svg.contains(&escaped(&s.name)), "series {} missing", s.name);
    }
    for r in &chart.references {
        // On the line and in the legend.
        assert_eq!(count(&svg, &escaped(&r.label)), 2, "reference {}", r.label);
    }
}

#[test]
fn text_is_written_as_svg_text_elements_without_a_font_feature() {
    let svg = line(&sweep());
    assert!(svg.contains("<text"));
    assert!(svg.contains("font-family=\"sans-serif\""));
    // Tick labels of the fixed range 0..100.
    assert!(svg.contains("\n100\n</text>"));
}

#[test]
fn each_series_has_its_own_colour_from_the_palette() {
    let svg = line(&sweep());
    for colour in ["#0072B2", "#D55E00"] {
        assert!(
            svg.contains(&format!("fill=\"{colour}\"")),
            "{colour} markers"
        );
    }
    assert!(
        !svg.contains("#009E73"),
        "only two series, so no third colour"
    );
}

#[test]
fn the_same_line_chart_gives_the_same_svg_byte_for_byte() {
    let a = line(&sweep());
    let b = line(&sweep());
    assert_eq!(a, b);
}

#[test]
fn the_same_bar_chart_gives_the_same_svg_byte_for_byte() {
    assert_eq!(bar(&scenarios()), bar(&scenarios()));
}

#[test]
fn bar_svg_has_one_bar_rect_per_finite_value_and_every_label() {
    let mut chart = scenarios();
    chart.bars.push(("geen oplossing".to_string(), f64::NAN));
    let svg = bar(&chart);
    let bar_fill = format!("fill=\"{}\"", "#0072B2");
    let bars = svg
        .lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&bar_fill));
    assert_eq!(bars.count(), 3, "three finite values, one NaN");
    for (label, _) in &chart.bars {
        assert!(svg.contains(&escaped(label)), "label {label} missing");
    }
    assert!(svg.contains("geen waarde"), "the NaN slot says so");
    assert!(svg.contains(&escaped(&chart.title)));
    assert!(svg.contains(&escaped(&chart.y_label)));
    assert!(svg.contains("acceptabel"));
}

#[test]
fn a_nan_point_breaks_the_line_in_two() {
    let chart = LineChart {
        series: vec![Series {
            name: "s".to_string(),
            points: vec![
                (0.0, 1.0),
                (1.0, 2.0),
                (2.0, f64::NAN),
                (3.0, 3.0),
                (4.0, 4.0),
            ],
            spread: vec![],
        }],
        ..LineChart::default()
    };
    let svg = line(&chart);
    let line = "stroke=\"#0072B2\" stroke-width=\"2\"";
    // Two runs plus the sample line in the legend.
    assert_eq!(count(&svg, line), 3);
    assert_eq!(
        count(&svg, "<circle"),
        4 + 1,
        "four markers plus the legend's"
    );
}

#[test]
fn degenerate_line_charts_draw_without_panicking() {
    let one = |points: Vec<(f64, f64)>| Series {
        name: "s".to_string(),
        points,
        spread: vec![],
    };
    let cases = vec![
        LineChart::default(),
        LineChart {
            series: vec![one(vec![])],
            ..sweep()
        },
        LineChart {
            series: vec![one(vec![(5.0, 7.0)])],
            y_range: None,
            ..sweep()
        },
        LineChart {
            series: vec![one(vec![(1.0, 3.0); 4])],
            y_range: None,
            ..sweep()
        },
        LineChart {
            series: vec![one(vec![(0.0, 0.0), (1.0, 0.0)])],
            y_range: None,
            ..sweep()
        },
        LineChart {
            series: vec![one(vec![(0.0, -5.0), (1.0, -9.0)])],
            y_range: None,
            ..sweep()
        },
        LineChart {
            series: vec![one(vec![
                (f64::NAN, 1.0),
                (0.0, f64::INFINITY),
                (f64::NEG_INFINITY, f64::NAN),
            ])],
            references: vec![Reference {
                label: String::new(),
                y: f64::NAN,
            }],
            ..sweep()
        },
        LineChart {
            series: vec![Series {
                name: "alleen spreiding".to_string(),
                points: vec![],
                spread: vec![(0.0, 5.0, 1.0), (f64::NAN, 1.0, 2.0), (1.0, 2.0, f64::NAN)],
            }],
            ..sweep()
        },
        LineChart {
            series: vec![one(vec![(9e11, 1e-300), (9e11 + 0.000123, 2e-300)])],
            y_range: None,
            ..sweep()
        },
        LineChart {
            series: vec![one(vec![(-1e12, 1e12), (1e12, -1e12)])],
            y_range: None,
            ..sweep()
        },
        LineChart {
            series: vec![one(vec![(0.1, 5e11 + 0.001), (0.2, 5e11 + 0.002)])],
            y_range: Some((5e11, 5e11 + 0.01)),
            ..sweep()
        },
        LineChart {
            title: "t".repeat(500),
            x_label: "x\n".repeat(100),
            series: (0..40)
                .map(|i| {
                    series(&format!("regels {i} {}", "lang".repeat(20)), |x| {
                        x + f64::from(i)
                    })
                })
                .collect(),
            y_range: None,
            ..sweep()
        },
    ];
    for chart in &cases {
        let svg = line(chart);
        assert!(svg.ends_with("</svg>\n"), "{svg}");
    }
    assert!(line(&cases[0]).contains("geen gegevens"));
}

#[test]
fn a_legend_too_long_for_the_height_ends_in_a_count_of_the_rest() {
    let chart = LineChart {
        series: (0..40)
            .map(|i| series(&format!("regels {i}"), |x| x + f64::from(i)))
            .collect(),
        ..sweep()
    };
    let svg = line(&chart);
    assert!(svg.contains("regels 0"));
    assert!(!svg.contains("regels 39"));
    assert!(svg.contains(" meer\n</text>"));
}

#[test]
fn degenerate_bar_charts_draw_without_panicking() {
    let long = "een scenario met een hele lange naam die niet onder een staaf past";
    let cases = vec![
        BarChart::default(),
        BarChart {
            bars: vec![("alleen".to_string(), 3.0)],
            ..scenarios()
        },
        BarChart {
            bars: vec![("nul".to_string(), 0.0); 3],
            ..scenarios()
        },
        BarChart {
            bars: vec![
                ("geen".to_string(), f64::NAN),
                ("oneindig".to_string(), f64::INFINITY),
            ],
            ..scenarios()
        },
        BarChart {
            bars: vec![("min".to_string(), -4.0), ("plus".to_string(), 2.5)],
            ..scenarios()
        },
        BarChart {
            bars: (0..200)
                .map(|i| (format!("{long} {i}"), f64::from(i % 17)))
                .collect(),
            ..scenarios()
        },
        BarChart {
            y_range: Some((-10.0, -5.0)),
            ..scenarios()
        },
    ];
    for chart in &cases {
        let svg = bar(chart);
        assert!(svg.ends_with("</svg>\n"), "{svg}");
    }
    assert!(bar(&cases[0]).contains("geen gegevens"));
}

#[test]
fn long_bar_labels_are_shortened_in_the_middle() {
    let label = "maximaal twaalf cursisten per groep in plaats van zestien";
    let chart = BarChart {
        bars: vec![(label.to_string(), 5.0); 8],
        ..scenarios()
    };
    let svg = bar(&chart);
    assert!(!svg.contains(label));
    let shown = svg
        .lines()
        .find(|l| l.contains('…'))
        .expect("a shortened label");
    assert!(
        shown.starts_with("maximaal") && shown.ends_with("zestien"),
        "{shown}"
    );
}

#[test]
fn values_too_large_or_a_bad_fixed_range_are_errors_naming_the_chart() {
    let huge = LineChart {
        series: vec![Series {
            name: "s".to_string(),
            points: vec![(0.0, 1e300)],
            spread: vec![],
        }],
        ..sweep()
    };
    let bad_range = BarChart {
        y_range: Some((5.0, 5.0)),
        ..scenarios()
    };
    let nan_range = BarChart {
        y_range: Some((f64::NAN, 1.0)),
        ..scenarios()
    };
    let e = line_chart_svg(&huge).expect_err("1e300").to_string();
    assert!(
        e.starts_with(&format!("cannot draw chart {}: ", huge.title)),
        "{e}"
    );
    assert!(bar_chart_svg(&bad_range).is_err());
    assert!(bar_chart_svg(&nan_range).is_err());
}

#[test]
fn a_reference_outside_a_fixed_range_is_left_out() {
    let mut chart = sweep();
    chart.references.push(Reference {
        label: "boven de schaal".to_string(),
        y: 120.0,
    });
    let svg = line(&chart);
    assert!(!svg.contains("boven de schaal"));
}

#[test]
fn y_range_from_data_includes_zero_and_headroom() {
    assert_eq!(y_range(None, [20.0, 50.0]), Ok((0.0, 54.0)));
    assert_eq!(y_range(None, [-50.0, -20.0]), Ok((-54.0, 0.0)));
    assert_eq!(y_range(None, [0.0, 0.0, f64::NAN]), Ok((0.0, 1.0)));
    assert_eq!(y_range(None, []), Ok((0.0, 1.0)));
    assert_eq!(y_range(Some((10.0, 90.0)), [500.0]), Ok((10.0, 90.0)));
}

#[test]
fn tick_and_value_labels_are_short() {
    assert_eq!(tick_label(&10.0), "10");
    assert_eq!(tick_label(&-0.0), "0");
    assert_eq!(tick_label(&0.30000000000000004), "0.3");
    assert_eq!(value_label(166.66), "167");
    assert_eq!(value_label(66.666), "66.7");
    assert_eq!(value_label(12.34), "12.3");
    assert_eq!(value_label(0.5), "0.5");
    assert_eq!(value_label(-0.001), "0");
}

#[test]
fn clean_puts_text_on_one_line_and_cuts_it_in_the_middle() {
    assert_eq!(clean(" a\nb ", 10), "a b");
    assert_eq!(clean("abcdefghij", 5), "ab…ij");
    assert_eq!(clean("abcdefghij", 1), "…");
    assert_eq!(clean("", 0), "");
}
