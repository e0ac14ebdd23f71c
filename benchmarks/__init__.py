"""Performance harness of the kiosk: figures as ratios against baselines measured in the same run.

``python -m benchmarks.run --quick`` (``make bench-quick``) or ``--full`` (``make bench``) writes
``benchmarks/results.json`` and ``benchmarks/results.md``; ``benchmarks/README.md`` says how each
figure is taken. Each measurement is a separate function that reports ``None`` with a reason when
the part it measures is not there yet.
"""
