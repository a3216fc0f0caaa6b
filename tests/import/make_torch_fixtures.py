#!/usr/bin/python3
"""Makes the `minnc import-torch` fixtures once (committed; the tests need no Python).

Needs Debian's python3-torch (1.13). Run from the repository root:
    /usr/bin/python3 tests/import/make_torch_fixtures.py   (Debian's interpreter, where python3-torch lives)

Writes into tests/import/fixtures/:
  ecoli_5_500.pth            a state_dict as the published MINN code saves it (torch.save of
                             model.state_dict(); layers = Linear(5, 500), ReLU, Dropout, Linear(500, n)),
                             random weights, n = 142 split reactions of e_coli_core
  published_5_500_587.pth    the published shape 5 -> 500 -> 587 (does not fit e_coli_core: the
                             shape-mismatch test)
  manifest.json              what the .pth lacks: inputs, scaler, refinement, Pin
  inputs.csv                 four raw input rows
  expected_fluxes.csv        PyTorch's outputs for them, refinement included (float32)

The refinement is minn's (lib/minn/refine.hpp), written here independently in PyTorch:
  g = (2/m) S^T S V + (2/n_in) Pin^T relu(Pin V - Vin) - (2/n) relu(-V);  d = beta d - eta g;  V += d
S comes from the SBML file itself, split as CBMPy does: irreversible reactions in file order, then
<id>_fwd, <id>_rev per reversible reaction (the reverse half with the negated column).
"""
import collections
import gzip
import json
import os
import xml.etree.ElementTree as ET

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "import", "fixtures")
SBML = "{http://www.sbml.org/sbml/level3/version1/core}"

INPUTS = ["R_EX_glc__D_e_rev", "R_EX_o2_e_rev", "R_EX_co2_e_fwd", "R_EX_etoh_e", "R_EX_ac_e"]
SCALER_MIN = [1.34, 2.2, 0.31, 0.0, 0.0]
SCALER_RANGE = [12.0, 13.33, 10.52, 0.15, 1.93]
STEPS, ETA, BETA = 8, 0.00198, 0.9
PIN = [("R_EX_glc__D_e_rev", 5.0)]  # one bounded Pin row, so the bound term is exercised


def split_gem(path):
    with gzip.open(path) as f:
        root = ET.parse(f).getroot()
    model = root.find(SBML + "model")
    species = [s.get("id") for s in model.iter(SBML + "species") if s.get("boundaryCondition") != "true"]
    row = {s: i for i, s in enumerate(species)}
    columns = []  # (id, {metabolite row: coefficient})
    reactions = []
    for r in model.iter(SBML + "reaction"):
        col = collections.defaultdict(float)
        for side, sign in (("listOfReactants", -1.0), ("listOfProducts", 1.0)):
            lst = r.find(SBML + side)
            if lst is None:
                continue
            for ref in lst.iter(SBML + "speciesReference"):
                if ref.get("species") in row:
                    col[row[ref.get("species")]] += sign * float(ref.get("stoichiometry", "1"))
        reactions.append((r.get("id"), r.get("reversible") == "true", col))
    for rid, rev, col in reactions:
        if not rev:
            columns.append((rid, col))
    for rid, rev, col in reactions:
        if rev:
            columns.append((rid + "_fwd", col))
            columns.append((rid + "_rev", {k: -v for k, v in col.items()}))
    S = torch.zeros(len(species), len(columns), dtype=torch.float32)
    for j, (_, col) in enumerate(columns):
        for i, v in col.items():
            S[i, j] = v
    return [c[0] for c in columns], S


class Minn(torch.nn.Module):
    """The published network's layout: layers.0 and layers.3 are the two Linear layers."""

    def __init__(self, inputs, hidden, outputs):
        super().__init__()
        self.layers = torch.nn.Sequential(torch.nn.Linear(inputs, hidden), torch.nn.ReLU(), torch.nn.Dropout(0.25),
                                          torch.nn.Linear(hidden, outputs))

    def forward(self, x):
        return self.layers(x)


def refine(V, S, pin_cols, vin):
    m, n = S.shape
    two_m = torch.tensor(2.0 / m, dtype=torch.float32)
    two_n = torch.tensor(2.0 / n, dtype=torch.float32)
    two_nin = torch.tensor(2.0 / len(pin_cols), dtype=torch.float32)
    P = torch.zeros(len(pin_cols), n, dtype=torch.float32)
    for k, c in enumerate(pin_cols):
        P[k, c] = 1.0
    d = torch.zeros_like(V)
    for _ in range(STEPS):
        g = two_m * (S.T @ (S @ V)) + two_nin * (P.T @ torch.relu(P @ V - vin)) - two_n * torch.relu(-V)
        d = torch.tensor(BETA, dtype=torch.float32) * d - torch.tensor(ETA, dtype=torch.float32) * g
        V = V + d
    return V


def main():
    torch.manual_seed(19)
    ids, S = split_gem(os.path.join(ROOT, "models", "gems", "e_coli_core.xml.gz"))
    net = Minn(len(INPUTS), 500, len(ids)).eval()
    torch.save(net.state_dict(), os.path.join(OUT, "ecoli_5_500.pth"))
    torch.save(Minn(len(INPUTS), 500, 587).state_dict(), os.path.join(OUT, "published_5_500_587.pth"))

    manifest = {
        "inputs": [{"name": n, "unit": "mmol/gDW/h", "min": lo, "range": r}
                   for n, lo, r in zip(INPUTS, SCALER_MIN, SCALER_RANGE)],
        "refinement": {"steps": STEPS, "step_size": ETA, "momentum": BETA},
        "pin": [{"reaction": rid, "vin": vin} for rid, vin in PIN],
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")

    rows = [[2.0, 3.0, 1.0, 0.0, 0.5], [5.5, 9.1, 4.2, 0.05, 1.0], [8.3, 12.0, 7.7, 0.1, 1.5],
            [13.34, 15.53, 10.83, 0.15, 1.93]]
    with open(os.path.join(OUT, "inputs.csv"), "w") as f:
        f.write("experiment," + ",".join(INPUTS) + "\n")
        for k, r in enumerate(rows):
            f.write("row%d," % (k + 1) + ",".join(repr(v) for v in r) + "\n")

    raw = torch.tensor(rows, dtype=torch.float32)
    scaled = (raw - torch.tensor(SCALER_MIN, dtype=torch.float32)) / torch.tensor(SCALER_RANGE, dtype=torch.float32)
    pin_cols = [ids.index(rid) for rid, _ in PIN]
    vin = torch.tensor([v for _, v in PIN], dtype=torch.float32)
    with torch.no_grad():
        V0 = net(scaled)
        fluxes = [refine(V0[k], S, pin_cols, vin) for k in range(len(rows))]
    with open(os.path.join(OUT, "expected_fluxes.csv"), "w") as f:
        f.write("experiment," + ",".join(ids) + "\n")
        for k, v in enumerate(fluxes):
            f.write("row%d," % (k + 1) + ",".join("%.9g" % x for x in v.tolist()) + "\n")
    print("wrote", OUT, "(%d split reactions, %d metabolites)" % (len(ids), S.shape[0]))


if __name__ == "__main__":
    main()
