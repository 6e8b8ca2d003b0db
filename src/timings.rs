//! How long each phase of a build or rebuild took, printed to standard error when the
//! environment variable `ETALASE_TIMINGS` is set (for profiling; see docs/internals.md).

use std::time::{Duration, Instant};

/// The phases of one piece of work, timed one after the other.
pub struct Phases {
    /// What the phases are part of, printed before them.
    of: &'static str,
    enabled: bool,
    last: Instant,
    took: Vec<(&'static str, Duration)>,
}

impl Phases {
    pub fn new(of: &'static str) -> Phases {
        Phases {
            of,
            enabled: enabled(),
            last: Instant::now(),
            took: Vec::new(),
        }
    }

    /// Ends the phase `phase`, which began at the last mark (or at `new`).
    pub fn mark(&mut self, phase: &'static str) {
        if self.enabled {
            let now = Instant::now();
            self.took.push((phase, now - self.last));
            self.last = now;
        }
    }

    pub fn report(&self) {
        if self.enabled {
            let phases: Vec<String> = self
                .took
                .iter()
                .map(|(phase, took)| format!("{phase} {:.1}", took.as_secs_f64() * 1000.0))
                .collect();
            eprintln!("timings of {} (ms): {}", self.of, phases.join(", "));
        }
    }
}

/// Whether timings are asked for.
pub fn enabled() -> bool {
    std::env::var_os("ETALASE_TIMINGS").is_some()
}
