//! What owning costs: hardware bought for the deployment or already yours,
//! its depreciation and capital, and electricity by the hours it works.

use super::cost::GpuMonthCost;
use super::{Deployment, Ownership};
use crate::catalogue::{DEFAULTS, Gpu};
use crate::fields::Field;

/// How a deployment comes by its hardware, as a reader chooses it: the
/// ownership and, owned, whether it is already theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquisition {
    Rent,
    Buy,
    AlreadyOwned,
}

impl Deployment {
    /// Owned hardware that is already yours: nothing is bought for it.
    pub fn already_owned(&self) -> bool {
        // Read from the overrides: the flag has no default, and the
        // defaults depend on this.
        self.ownership == Ownership::Own
            && self
                .overrides
                .get(Field::AlreadyOwned)
                .is_some_and(|v| v != 0.0)
    }

    pub fn acquisition(&self) -> Acquisition {
        match self.ownership {
            Ownership::Rent => Acquisition::Rent,
            Ownership::Own if self.already_owned() => Acquisition::AlreadyOwned,
            Ownership::Own => Acquisition::Buy,
        }
    }

    pub fn set_acquisition(&mut self, acquisition: Acquisition) {
        self.ownership = match acquisition {
            Acquisition::Rent => Ownership::Rent,
            Acquisition::Buy | Acquisition::AlreadyOwned => Ownership::Own,
        };
        self.overrides.set(
            Field::AlreadyOwned,
            (acquisition == Acquisition::AlreadyOwned).then_some(1.0),
        );
    }

    /// What each GPU (or machine) costs to buy: 0 rented or already owned.
    pub fn purchase_usd_per_gpu(&self) -> f64 {
        match self.ownership {
            Ownership::Own if !self.already_owned() => self.number(Field::PurchaseUsdPerGpu),
            _ => 0.0,
        }
    }

    /// Bought: installing each GPU, a share of its price paid once.
    pub fn installation_usd_per_gpu(&self) -> f64 {
        self.purchase_usd_per_gpu() * self.number(Field::InstallationShare)
    }

    /// Owned: the draw of one GPU with its share of the host (or of a
    /// whole machine), W, while it works and while it idles. Where the idle
    /// draw is not published, it is the working draw: power around the
    /// clock.
    fn power_draw_w(&self, gpu: &Gpu) -> (f64, f64) {
        let host_w = if gpu.whole_machine_power {
            0.0
        } else {
            DEFAULTS.host_power_w_per_gpu.value
        };
        let working_w = gpu.board_power_w + host_w;
        (
            working_w,
            gpu.idle_power_w.unwrap_or(working_w).min(working_w),
        )
    }

    fn usd_per_kwh_drawn(&self) -> f64 {
        self.number(Field::ElectricityUsdPerKwh) * self.number(Field::Pue)
    }

    /// Owned: what an hour of work costs one GPU in electricity above its
    /// idle draw (0 rented, or where the idle draw is not published).
    pub fn working_power_usd_per_gpu_hour(&self, gpu: &Gpu) -> f64 {
        match self.ownership {
            Ownership::Rent => 0.0,
            Ownership::Own => {
                let (working_w, idle_w) = self.power_draw_w(gpu);
                (working_w - idle_w) / 1000.0 * self.usd_per_kwh_drawn()
            }
        }
    }

    /// What one GPU costs a month.
    ///
    /// Rented: price per hour x billed hours. Owned: straight-line
    /// depreciation to the residual value over the life, interest on the
    /// average book value (none of these when already owned), the idle
    /// draw around the clock times PUE (the work above it is priced per
    /// token: [`SelfHostPlan::working_energy_usd_per_token`]), and hosting.
    pub fn gpu_month_cost(&self, gpu: &Gpu, billed_hours_per_month: f64) -> GpuMonthCost {
        let v = |field| self.number(field);
        match self.ownership {
            Ownership::Rent => GpuMonthCost {
                rental: v(Field::UsdPerGpuHour) * billed_hours_per_month,
                ..GpuMonthCost::default()
            },
            Ownership::Own => {
                let purchase = self.purchase_usd_per_gpu();
                let residual = purchase * v(Field::ResidualShare);
                let months = v(Field::LifeYears) * 12.0;
                let (_, idle_w) = self.power_draw_w(gpu);
                GpuMonthCost {
                    rental: 0.0,
                    depreciation: (purchase - residual) / months,
                    capital: (purchase + residual) / 2.0 * v(Field::CostOfCapital) / 12.0,
                    power: idle_w / 1000.0
                        * DEFAULTS.hours_per_month.value
                        * self.usd_per_kwh_drawn(),
                    hosting: v(Field::HostingUsdPerGpuMonth),
                    maintenance: purchase * v(Field::MaintenanceShare) / 12.0,
                    installation: self.installation_usd_per_gpu() / v(Field::OneOffMonths),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Precision;

    #[test]
    fn each_choice_reads_back_and_renting_forgets_ownership() {
        let mut d = Deployment::new("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm");
        for choice in [
            Acquisition::AlreadyOwned,
            Acquisition::Buy,
            Acquisition::AlreadyOwned,
            Acquisition::Rent,
        ] {
            d.set_acquisition(choice);
            assert_eq!(d.acquisition(), choice);
        }
        assert_eq!(d.overrides.get(Field::AlreadyOwned), None);
        // A link may say "already owned" of a rented deployment: it stays rented.
        d.overrides.set(Field::AlreadyOwned, Some(1.0));
        assert_eq!(d.acquisition(), Acquisition::Rent);
        assert_eq!(d.purchase_usd_per_gpu(), 0.0);
    }

    #[test]
    fn without_a_published_idle_draw_the_work_adds_nothing() {
        let mut d = Deployment::new("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm");
        d.set_acquisition(Acquisition::Buy);
        let h100 = d.gpu().unwrap();
        assert!(h100.idle_power_w.is_none());
        assert_eq!(d.working_power_usd_per_gpu_hour(h100), 0.0);
        d.gpu = "mac-studio-m3-ultra-96".into();
        let mac = d.gpu().unwrap();
        // (262 − 10) W at the data centre's default $0.12 per kWh and PUE 1.4.
        let expected = 0.252 * 0.12 * 1.4;
        assert!((d.working_power_usd_per_gpu_hour(mac) - expected).abs() < 1e-12);
    }
}
