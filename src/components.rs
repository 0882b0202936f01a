//! One component per file, each with its `XxxProps`.

pub mod api_picker;
pub mod assumptions;
pub mod chart_view;
pub mod deployment_editor;
pub mod headline;
pub mod legend;
pub mod notice;
pub mod number_field;
pub mod results_table;
pub mod share_button;
pub mod volume_input;
