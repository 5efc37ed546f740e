"""The pipeline's matrix products through numpy's BLAS (OpenBLAS) instead of BLIS.

thinc computes its layers' matrix products with BLIS, which picks a kernel for the CPU at
start-up and falls back to its generic C reference code on a CPU its build does not know:
on the AMD Zen 4 of kg's development machine (family 25, model 17) the ``blis`` wheel says
``selecting sub-configuration 'generic'`` (``BLIS_ARCH_DEBUG=1``), and those products took
a third of all parse time. numpy's OpenBLAS chooses among kernels for every current x86
and ARM CPU, and on that machine does the same products 3.7 times faster on one thread.

:func:`use_numpy_blas` points the pipeline's layers at thinc's own numpy path
(``NumpyOps(use_blis=False)``, thinc's documented switch) and limits OpenBLAS to one
thread per process, so ``--jobs`` stays the only parallelism and ``--jobs 1`` uses one
core, like bare spaCy. Only CPU layers of the ``NumpyOps`` kind are changed (a GPU or
PyTorch pipeline is left as it is). The transition parser's own inner products (about 5%
of parse time) still go through BLIS: thinc gives no Python-level switch for them.
The results are the same: ``benchmarks/blas_cost.py`` found 0 differing tokens (tag, POS,
morphology, lemma, dependency, head, entity) among the 997,407 of the BBC corpus and the
483,149 of the first 3,000 Reuters stories, with parsing 0.66x and 0.58x the time.
``KG_BLAS=blis`` keeps BLIS.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

BLAS_ENV = "KG_BLAS"  # "blis" keeps thinc's BLIS; anything else (default) uses numpy's BLAS


def wanted() -> bool:
    """Whether $KG_BLAS asks for numpy's BLAS (the default)."""
    return os.environ.get(BLAS_ENV, "").strip().lower() != "blis"


def use_numpy_blas(nlp: Language) -> int:
    """Make every CPU layer of ``nlp`` multiply through numpy, on one BLAS thread; the number
    of layers changed."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")  # for the whole process, kept after return
    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops
                changed += 1
    log.debug("numpy BLAS for %d layers", changed)
    return changed
