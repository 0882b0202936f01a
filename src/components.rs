//! One component per file, each with its `XxxProps`. Only `ChartView`
//! (and `App`) keep state in hooks and are Yew components; the rest are plain
//! view functions (`headline(HeadlineProps { .. })`), because each Yew
//! component type costs about 0.65 KB of the compressed bundle in lifecycle
//! code (docs/performance.md). Their state lives in the reducer.

pub mod api_picker;
pub mod assumptions;
pub mod chart_view;
pub mod custom_offerings;
pub mod day_profile_editor;
pub mod deployment_editor;
pub mod display_settings;
pub mod headline;
pub mod legend;
pub mod notice;
pub mod number_field;
pub mod select_field;
pub mod tabs;
pub mod volume_input;
