//! The Crossover widget: collects a scenario, asks the pricing model, draws
//! the answer. It does no arithmetic of its own.

pub mod app;
