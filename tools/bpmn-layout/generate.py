"""Rewrites workflows/insats-livscykel.bpmn and workflows/budgetprocess.bpmn from their descriptions.

Usage: python3 tools/bpmn-layout/generate.py   (from the repository root or anywhere)
"""

import pathlib
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, str(pathlib.Path(__file__).parent))

import budgetprocess  # noqa: E402
import insats_livscykel  # noqa: E402

root = pathlib.Path(__file__).resolve().parents[2]
for module, name in ((insats_livscykel, "insats-livscykel.bpmn"), (budgetprocess, "budgetprocess.bpmn")):
    target = root / "workflows" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(module.build().xml(), encoding="utf-8")
    print(f"wrote {target.relative_to(root)}")
