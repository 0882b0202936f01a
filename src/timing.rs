//! Spans on the page's performance timeline (`performance.measure`) for the
//! load breakdown of `scripts/bench-web`. Only a build with the `bench`
//! feature records them; the shipped build compiles `measure` to the work
//! alone.

/// Runs `work`, recorded as the span `name` in a `bench` build.
#[cfg(feature = "bench")]
pub fn measure<T>(name: impl std::fmt::Display, work: impl FnOnce() -> T) -> T {
    let name = &name.to_string();
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name} start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}

#[cfg(not(feature = "bench"))]
#[inline(always)]
pub fn measure<T>(_name: impl std::fmt::Display, work: impl FnOnce() -> T) -> T {
    work()
}
