//! The sweep with one worker and with two, side by side in one criterion group, on
//! `scenarios/demo-shortage.toml` (18 scenarios, each a schedule and a highest-share solve).
//!
//! `cargo bench --bench sweep` times microlp; with `--features highs` HiGHS is added. The
//! medium benchmark sweep of the README (42 scenarios) is left to `scripts/bench-sweep`,
//! which runs the binary as a user does.

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use nt2plan::solve::{Backend, Settings};
use nt2plan::sweep::breaking::BreakOn;
use nt2plan::sweep::run::Runner;
use nt2plan::sweep::{self, expand, file};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

const BACKENDS: &[Backend] = &[
    Backend::Microlp,
    #[cfg(feature = "highs")]
    Backend::Highs,
];

fn sweeps(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/demo-shortage.toml");
    let loaded = match file::load(&path) {
        Ok(l) => l.value,
        Err(problems) => panic!("{} does not load: {problems:?}", path.display()),
    };
    let scenarios = expand::scenarios(&loaded.spec);
    let jobs = sweep::jobs(&loaded.spec, &scenarios, None);
    let mut group = c.benchmark_group("sweep_demo_shortage");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(20));
    for &backend in BACKENDS {
        let settings = Settings {
            backend,
            threads: 1,
            ..Settings::default()
        };
        let runner = Runner::new(&loaded, &scenarios, settings, true);
        for workers in [1usize, 2] {
            group.bench_with_input(
                BenchmarkId::new(backend.name(), format!("jobs-{workers}")),
                &workers,
                |b, &workers| {
                    b.iter(|| {
                        let out =
                            runner.run(black_box(&jobs), workers, BreakOn::Infeasible, &|_| {});
                        black_box(out.map(|o| o.len()).unwrap_or(0))
                    });
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, sweeps);
criterion_main!(benches);
