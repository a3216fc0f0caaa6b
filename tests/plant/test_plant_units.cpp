// The plant's pieces without a GEM: uptake kinetics, O2 solubility, the off-gas balance against the
// controller's front end, seeded noise and signal faults. Expected values are worked by hand in the
// comments.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "minn/gas_rates.hpp"
#include "plant/mm_uptake.hpp"
#include "plant/off_gas.hpp"
#include "plant/oxygen_transfer.hpp"
#include "plant/seeded_noise.hpp"
#include "plant/signal_faults.hpp"

namespace minn::plant {
namespace {

TEST(MichaelisMenten, HalfSaturationAtKm) {
  EXPECT_DOUBLE_EQ(michaelis_menten(10.0, 0.5, 0.5), 5.0);   // 10 * 0.5 / 1
  EXPECT_DOUBLE_EQ(michaelis_menten(10.0, 0.5, 1.5), 7.5);   // 10 * 1.5 / 2
  EXPECT_DOUBLE_EQ(michaelis_menten(10.0, 0.5, -1.0), 0.0);  // negative concentration = none
}

TEST(BalancedConcentration, SolvesLinearPlusMichaelisMentenSink) {
  // b = 0: a c = source -> c = 2 / 1.
  EXPECT_NEAR(balanced_concentration(1.0, 0.0, 2.0, 1.0), 2.0, 1e-15);
  // c = 1: 1 + 1 * 1 / (1 + 1) = 1.5 (the branch with a km + b - source = 0.5 > 0).
  EXPECT_NEAR(balanced_concentration(1.0, 1.0, 1.5, 1.0), 1.0, 1e-15);
  // c = 0.25: 0.25 + 10 * 0.25 / 1.25 = 2.25.
  EXPECT_NEAR(balanced_concentration(1.0, 10.0, 2.25, 1.0), 0.25, 1e-15);
  // c = 4, a km + b - source < 0 branch: 2 * 4 + 1 * 4 / (1 + 4) = 8.8.
  EXPECT_NEAR(balanced_concentration(2.0, 1.0, 8.8, 1.0), 4.0, 1e-14);
  EXPECT_EQ(balanced_concentration(1.0, 5.0, 0.0, 0.015), 0.0);  // nothing to take up
  // A glucose-limited step: a tiny km and a large sink keep c small but positive, without
  // cancellation: 1 c + 100 c / (0.015 + c) = 1 -> c ~ 0.015 / 99 ~ 1.5e-4.
  const double c = balanced_concentration(1.0, 100.0, 1.0, 0.015);
  EXPECT_GT(c, 0.0);
  EXPECT_NEAR(c + 100.0 * c / (0.015 + c), 1.0, 1e-12);
  EXPECT_NEAR(c, 1.5152e-4, 1e-7);
}

TEST(OxygenTransfer, SaturationAt37CUnderAir) {
  // Buck: p_w(37) = 0.61121 exp((18.678 - 37/234.5) * 37/294.14) = 6.27988 kPa.
  EXPECT_NEAR(water_vapour_kpa(37.0), 6.27988, 1e-4);
  // H(310.15 K) = 1.3e-5 exp(1700 (1/310.15 - 1/298.15)) = 1.042639e-5 mol/(m3 Pa);
  // c* = H 0.2095 (101325 - 6279.88) Pa = 0.207610 mol/m3 = mmol/L.
  const double c_star = o2_saturation_mmol_per_l(37.0, 101.325, 0.2095);
  EXPECT_NEAR(c_star, 0.207610, 2e-6);
  // The value Mahadevan et al. 2002 used, 0.21 mmol/L, within 2 %.
  EXPECT_NEAR(c_star, 0.21, 0.02 * 0.21);
}

TEST(OxygenTransfer, QuasiSteadyUptakeBound) {
  // kLa 100 1/h, c* 0.2, qmax 15, Ko 0.024, X 1: C solves 100 C + 15 C / (0.024 + C) = 20.
  // By hand, C = 0.1: 10 + 1.5 / 0.124 = 22.1 (too much); the root lies below it; check the balance.
  const OxygenSupply s = oxygen_supply(100.0, 0.2, 15.0, 0.024, 1.0);
  const double c = s.dissolved_o2_mmol_per_l;
  EXPECT_NEAR(100.0 * c + 15.0 * c / (0.024 + c), 20.0, 1e-12);
  EXPECT_NEAR(s.uptake_bound, 15.0 * c / (0.024 + c), 1e-12);
  EXPECT_NEAR(s.uptake_bound, 100.0 * (0.2 - c), 1e-12);  // OTR = OUR at X = 1
  EXPECT_NEAR(dissolved_o2(100.0, 0.2, s.uptake_bound), c, 1e-12);
  // No biomass: the liquid is saturated and the bound is the Michaelis-Menten value at c*.
  const OxygenSupply empty = oxygen_supply(100.0, 0.2, 15.0, 0.024, 0.0);
  EXPECT_NEAR(empty.dissolved_o2_mmol_per_l, 0.2, 1e-15);
  EXPECT_NEAR(dissolved_o2(100.0, 0.2, 30.0), 0.0, 0.0);  // more demand than transfer: 0, not < 0
}

TEST(OffGas, HandComputedFractions) {
  // OUR 30, CER 32 mmol/L/h, 1 L, 1 NL/min of air: F_in = 60 / 22.414 = 2.676898 mol/h;
  // n_O2 = 2.676898 * 0.2095 - 0.030 = 0.530810, n_CO2 = 2.676898 * 0.0004 + 0.032 = 0.033071,
  // n_inert = 2.676898 * 0.7901 = 2.115017, F_out = 2.678898 -> 0.198145, 0.0123449.
  const OffGas g = off_gas(30.0, 32.0, 1.0, 1.0, 0.2095, 0.0004);
  EXPECT_NEAR(g.o2_out, 0.198145, 1e-6);
  EXPECT_NEAR(g.co2_out, 0.0123449, 1e-7);
  EXPECT_THROW(off_gas(1e6, 0.0, 1.0, 1.0, 0.2095, 0.0004), Error);  // more O2 than the gas carries
}

TEST(OffGas, ControllerFrontEndRecoversTheRates) {
  // The controller's gas_rates() (float32) on the plant's fractions gives back OUR and CER up to
  // float rounding. OUR is a difference of the inlet and outlet O2 flows, each ~F_in yO2_in 1000 / V
  // mmol/L/h and each carrying a few roundings of 2^-24 = 6e-8, so the error is bounded by about
  // 16 ulps of that flow: 1e-6 F_in yO2_in 1000 / V (1e-3 mmol/L/h at 1.5 NL/min and 0.8 L, against
  // OURs of 2 to 60).
  for (const double our : {2.0, 15.0, 60.0}) {
    for (const double rq : {0.9, 1.1}) {
      for (const double volume : {0.8, 1.0, 1.3}) {
        const double cer = rq * our;
        const OffGas g = off_gas(our, cer, volume, 1.5, 0.2095, 0.0004);
        const OffGasFractions y{0.2095f, 0.0004f, static_cast<float>(g.o2_out), static_cast<float>(g.co2_out)};
        GasRates r{};
        ASSERT_EQ(gas_rates(y, 1.5f, static_cast<float>(volume), &r), RateStatus::ok);
        const double tolerance = 1e-6 * (1.5 * 60.0 / 22.414) * 0.2095 * 1000.0 / volume;
        EXPECT_NEAR(r.our_mmol_per_l_h, our, tolerance) << our << " " << rq << " " << volume;
        EXPECT_NEAR(r.cer_mmol_per_l_h, cer, tolerance) << our << " " << rq << " " << volume;
      }
    }
  }
}

TEST(SeededNoise, SameSeedSameStreamOtherSourceOtherStream) {
  GaussianStream a(7, NoiseSource::biomass), b(7, NoiseSource::biomass), c(7, NoiseSource::o2_out),
      d(8, NoiseSource::biomass);
  int same_as_c = 0, same_as_d = 0;
  for (int i = 0; i < 100; ++i) {
    const double x = a.next();
    EXPECT_EQ(x, b.next());
    same_as_c += x == c.next() ? 1 : 0;
    same_as_d += x == d.next() ? 1 : 0;
  }
  EXPECT_EQ(same_as_c, 0);
  EXPECT_EQ(same_as_d, 0);
}

TEST(SeededNoise, StandardNormalMoments) {
  // 20000 draws: the sample mean has sd 1/sqrt(20000) = 0.007, the sample variance sd ~0.01.
  GaussianStream g(123, NoiseSource::biomass);
  double sum = 0.0, sum_sq = 0.0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double x = g.next();
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 0.0, 0.03);
  EXPECT_NEAR(sum_sq / n - mean * mean, 1.0, 0.05);
}

minn_signals reading(float k) {
  minn_signals s{};
  s.o2_out = 0.19f + k * 0.001f;
  s.co2_out = 0.01f + k * 0.001f;
  s.biomass_gdw_per_l = 2.0f + k;
  s.feed_l_per_h = 0.2f;
  return s;
}

TEST(SignalFaults, EachFaultChangesExactlyItsSignals) {
  Scenario sc;
  sc.stuck_offgas.push_back({1.0, 2.0});
  sc.spikes.push_back({"biomass_gdw_per_l", 1.4, true, 3.0});   // hits the sample at 1.5 h
  sc.spikes.push_back({"co2_out", 0.5, false, -0.005});
  sc.dropouts.push_back({"feed_l_per_h", {0.5, 1.0}});
  SignalFaults faults(sc);
  for (int k = 0; k <= 10; ++k) {  // samples every 0.25 h
    const double t = 0.25 * k;
    const minn_signals clean = reading(static_cast<float>(k));
    minn_signals s = clean;
    const std::vector<std::string> active = faults.apply(t, &s);
    std::vector<std::string> expected;
    minn_signals want = clean;
    if (t >= 1.0 && t < 2.0) {  // held at the sample at 0.75 h (k = 3)
      want.o2_out = reading(3.0f).o2_out;
      want.co2_out = reading(3.0f).co2_out;
      expected.push_back("stuck_offgas");
    }
    if (k == 6) {
      want.biomass_gdw_per_l = clean.biomass_gdw_per_l * 3.0f;
      expected.push_back("spike:biomass_gdw_per_l");
    }
    if (k == 2) {
      want.co2_out = clean.co2_out + -0.005f;
      expected.push_back("spike:co2_out");
    }
    if (t >= 0.5 && t < 1.0) expected.push_back("dropout:feed_l_per_h");
    EXPECT_EQ(active, expected) << "t = " << t;
    EXPECT_EQ(s.o2_out, want.o2_out) << "t = " << t;
    EXPECT_EQ(s.co2_out, want.co2_out) << "t = " << t;
    EXPECT_EQ(s.biomass_gdw_per_l, want.biomass_gdw_per_l) << "t = " << t;
    if (t >= 0.5 && t < 1.0) {
      EXPECT_TRUE(std::isnan(s.feed_l_per_h)) << "t = " << t;
    } else {
      EXPECT_EQ(s.feed_l_per_h, 0.2f) << "t = " << t;
    }
  }
}

TEST(SignalFaults, StuckFromTheFirstSampleHoldsThatSample) {
  Scenario sc;
  sc.stuck_offgas.push_back({0.0, 1.0});
  SignalFaults faults(sc);
  for (int k = 0; k < 6; ++k) {
    minn_signals s = reading(static_cast<float>(k));
    faults.apply(0.25 * k, &s);
    EXPECT_EQ(s.o2_out, reading(k < 4 ? 0.0f : static_cast<float>(k)).o2_out) << k;
  }
}

TEST(SignalFaults, FieldNamesCoverTheSignalStruct) {
  minn_signals s{};
  for (const std::string& name : fault_signal_names()) EXPECT_NE(signal_field(s, name), nullptr) << name;
  EXPECT_EQ(signal_field(s, "time_h"), nullptr);  // the clock is never faulted
  EXPECT_EQ(signal_field(s, "ph"), nullptr);
  // Every float of minn_signals but time_h is reachable by one name.
  EXPECT_EQ(fault_signal_names().size(), sizeof(minn_signals) / sizeof(float) - 1);
}

}  // namespace
}  // namespace minn::plant
