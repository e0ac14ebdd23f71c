"""Pack ``dist/kiosk/`` into ``dist/kiosk-<version>-<platform>.tar.gz`` for technicians.

Name and version come from pyproject.toml, like the spec's. The archive holds one top folder,
``kiosk-<version>/``, with the build in ``kiosk/`` and the Linux installer next to it, so that
``tar xzf`` then ``sudo ./kiosk-<version>/install.sh`` is the whole installation. File modes and
modification times are kept (libvlc checks plugins.dat against the plugins' times).
"""

from __future__ import annotations

import argparse
import platform
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_metadata(pyproject: Path = ROOT / "pyproject.toml") -> tuple[str, str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return str(project["name"]), str(project["version"])


def archive_name(name: str, version: str, machine: str | None = None) -> str:
    arch = (machine or platform.machine() or "unknown").lower()
    system = "windows" if sys.platform.startswith("win") else sys.platform.rstrip("0123456789")
    return f"{name}-{version}-{system}-{arch}.tar.gz"


def build_archive(
    dist: Path, output_dir: Path, linux_dir: Path = ROOT / "packaging" / "linux"
) -> Path:
    """Write the archive and return its path; raises FileNotFoundError without a build."""
    name, version = project_metadata()
    build = dist / name
    if not (build / name).exists() and not (build / f"{name}.exe").exists():
        raise FileNotFoundError(f"no build in {build}: run `make package` first")
    target = output_dir / archive_name(name, version)
    top = f"{name}-{version}"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(build, arcname=f"{top}/{name}")
        for path in sorted(linux_dir.iterdir()):
            archive.add(path, arcname=f"{top}/{path.name}")
        docs = ROOT / "docs" / "install.md"
        if docs.is_file():
            archive.add(docs, arcname=f"{top}/install.md")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--output", type=Path, default=None, help="folder (default: --dist)")
    args = parser.parse_args(argv)
    try:
        target = build_archive(args.dist, args.output or args.dist)
    except FileNotFoundError as error:
        print(f"archive: {error}", file=sys.stderr)
        return 1
    size_mb = target.stat().st_size / 1e6
    print(f"archive: {target} ({size_mb:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
