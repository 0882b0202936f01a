//! One component per file, each with its `XxxProps`. Components that keep
//! no state of their own are plain view functions (`headline(HeadlineProps
//! {..})`): each Yew component type costs about 0.7 KB of the compressed
//! bundle in lifecycle code (docs/performance.md).

pub mod api_picker;
pub mod assumptions;
pub mod chart_view;
pub mod deployment_editor;
pub mod display_settings;
pub mod embed_button;
pub mod export_buttons;
pub mod headline;
pub mod legend;
pub mod notice;
pub mod number_field;
pub mod results_table;
pub mod share_button;
pub mod tabs;
pub mod volume_input;
