#!/usr/bin/python3
"""Reference numbers for minn's LP tests, computed ONCE with Debian's python3-cobra (GLPK).

Never run at test time. Reproduce with:
    /usr/bin/python3 tests/lp/reference/make_reference.py models/gems tests/lp/reference
(cobra 0.26.2, optlang 1.5.2, GLPK 5.0 on Debian 12). The tests read the CSV files written here.

SBML ids: cobra strips the R_/G_ prefixes; we write them back ("R_" + id, "G_" + id) after checking
that this reproduces the ids in the file, so the tests can compare with minn's ids as written.
"""
import csv
import gzip
import os
import re
import sys

import cobra
from cobra.flux_analysis import flux_variability_analysis, pfba, single_gene_deletion

gems_dir, out_dir = sys.argv[1], sys.argv[2]
cobra.Configuration().solver = "glpk"


def sbml_ids(path, pattern):
    with gzip.open(path, "rt") as f:
        return re.findall(pattern, f.read())


def load(name):
    path = os.path.join(gems_dir, name + ".xml.gz")
    model = cobra.io.read_sbml_model(path)
    rxn_ids = sbml_ids(path, r'<reaction [^>]*?\bid="([^"]+)"')
    assert rxn_ids == ["R_" + r.id for r in model.reactions], "reaction ids do not round-trip"
    gene_ids = sbml_ids(path, r'<fbc:geneProduct [^>]*?fbc:id="([^"]+)"')
    assert sorted(gene_ids) == sorted("G_" + g.id for g in model.genes), "gene ids do not round-trip"
    return model


def fmt(x):
    return repr(float(x))


def write_rows(name, header, rows):
    with open(os.path.join(out_dir, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


summary = []

# --- e_coli_core, default bounds from the file ---------------------------------------------
core = load("e_coli_core")
summary.append(("e_coli_core", "fba_objective", fmt(core.slim_optimize())))
for frac in (1.0, 0.9):
    sol = pfba(core, fraction_of_optimum=frac)
    # cobra's pfba solution objective_value is the minimised sum of |v|.
    summary.append(("e_coli_core", "pfba_total_flux_fraction_%g" % frac, fmt(sol.objective_value)))
    summary.append(("e_coli_core", "pfba_biomass_fraction_%g" % frac,
                    fmt(sol.fluxes["BIOMASS_Ecoli_core_w_GAM"])))

fva = {}
for frac in (0.0, 0.9, 1.0):
    fva[frac] = flux_variability_analysis(core, fraction_of_optimum=frac, processes=1)
rows = []
for r in core.reactions:
    row = ["R_" + r.id]
    for frac in (0.0, 0.9, 1.0):
        row += [fmt(fva[frac].at[r.id, "minimum"]), fmt(fva[frac].at[r.id, "maximum"])]
    rows.append(row)
write_rows("e_coli_core_fva.csv",
           ["reaction", "min_f0", "max_f0", "min_f0.9", "max_f0.9", "min_f1", "max_f1"], rows)

ko = single_gene_deletion(core, processes=1)
rows = []
for g in sorted(core.genes, key=lambda g: g.id):
    hit = ko[ko["ids"].apply(lambda s: s == {g.id})]
    growth = float(hit["growth"].iloc[0])
    status = hit["status"].iloc[0]
    rows.append(["G_" + g.id, fmt(growth if status == "optimal" else 0.0), status])
write_rows("e_coli_core_single_gene_deletion.csv", ["gene", "growth", "status"], rows)

# --- iAF1260, default bounds from the file ---------------------------------------------------
iaf = load("iAF1260")
summary.append(("iAF1260", "fba_objective", fmt(iaf.slim_optimize())))
sol = pfba(iaf)
summary.append(("iAF1260", "pfba_total_flux_fraction_1", fmt(sol.objective_value)))
fva0 = flux_variability_analysis(iaf, fraction_of_optimum=0.0, processes=1)
rows = [["R_" + r.id, fmt(fva0.at[r.id, "minimum"]), fmt(fva0.at[r.id, "maximum"])]
        for r in iaf.reactions]
write_rows("iAF1260_fva_f0.csv", ["reaction", "min_f0", "max_f0"], rows)
blocked = [r.id for r in iaf.reactions
           if max(abs(fva0.at[r.id, "minimum"]), abs(fva0.at[r.id, "maximum"])) < 1e-9]
summary.append(("iAF1260", "fva_f0_blocked_reactions_1e-9", str(len(blocked))))

write_rows("summary.csv", ["model", "quantity", "value"], summary)
print("\n".join(",".join(s) for s in summary))
