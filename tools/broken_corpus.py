#!/usr/bin/env python3
"""Runs evcheck over the public broken-file corpora of the libraries it uses, as one package.

The corpora are not part of this repository (nothing fetched is committed); this script clones them
(or uses local clones), lays their files out as one evidence package, runs evcheck on it with a
512 MB heap, and checks what issue 12 asks: exit 0 or 1, no stack trace, every file accounted for in
the report, peak RSS under 1 GB, and the package byte-identical afterwards.

  python3 tools/broken_corpus.py WORKDIR [--jar target/evcheck.jar]
      [--repo metadata-extractor-images=PATH] [--repo pdfbox=PATH] [--repo poi=PATH]

Without --repo, each corpus is cloned from GitHub into WORKDIR (network needed):
  drewnoakes/metadata-extractor-images (camera JPEGs and fuzzed crashers), apache/pdfbox (test
  PDFs), apache/poi (test-data: Word, Excel, PowerPoint, Outlook files, many broken on purpose).
"""
import argparse, collections, hashlib, json, os, re, shutil, subprocess, sys

CORPORA = {
    'metadata-extractor-images': ('https://github.com/drewnoakes/metadata-extractor-images.git', None, ['.jpg', '.jpeg', '.fuzzed']),
    'pdfbox': ('https://github.com/apache/pdfbox.git', None, ['.pdf']),
    'poi': ('https://github.com/apache/poi.git', 'test-data', ['.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.msg',
                                                            '.wps', '.dotx', '.xlsm', '.xlsb']),
}
ROLES = {'.jpg': 'P-1/图片', '.jpeg': 'P-1/图片', '.fuzzed': 'P-1/图片', '.pdf': 'D-1/正式发文',
         '.doc': 'R-1/说明报告', '.docx': 'R-1/说明报告', '.wps': 'R-1/说明报告', '.dotx': 'R-1/说明报告',
         '.xls': 'T-1/数据表格', '.xlsx': 'T-1/数据表格', '.xlsm': 'T-1/数据表格', '.xlsb': 'T-1/数据表格',
         '.ppt': '其他', '.pptx': '其他', '.msg': '其他'}
RULES = """evcheck: 1
id: broken-corpus
period: {from: 2018-01-01, to: 2020-12-31}
items:
  - {id: P-1, materials: [{kind: photos, min: 1, per: total, caption: [time, place]}]}
  - {id: D-1, materials: [{kind: formal_doc, min: 1}]}
  - {id: R-1, materials: [{kind: report, words: 400}]}
  - {id: T-1, materials: [{kind: data_table, min: 1}]}
"""
MAX_BYTES = 20_000_000


def files_of(repo, sub, exts):
    """(blob, path) of the repository's files with these extensions, skipping blobs not present."""
    args = ['git', '-C', repo, 'ls-tree', '-r', '-l', 'HEAD'] + ([sub] if sub else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        meta, path = line.split('\t', 1)
        _, kind, blob, size = meta.split()
        if kind == 'blob' and size.isdigit() and int(size) <= MAX_BYTES and os.path.splitext(path)[1].lower() in exts:
            yield blob, path


def tree_hash(root):
    h = hashlib.sha256()
    for d, _, fs in sorted(os.walk(root)):
        for f in sorted(fs):
            p = os.path.join(d, f)
            h.update(os.path.relpath(p, root).encode())
            with open(p, 'rb') as fh:
                h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('workdir')
    ap.add_argument('--jar', default='target/evcheck.jar')
    ap.add_argument('--repo', action='append', default=[], help='NAME=PATH of a local clone')
    a = ap.parse_args()
    local = dict(r.split('=', 1) for r in a.repo)
    pkg = os.path.join(a.workdir, 'pkg')
    shutil.rmtree(pkg, ignore_errors=True)
    n = 0
    for name, (url, sub, exts) in CORPORA.items():
        repo = local.get(name) or os.path.join(a.workdir, name)
        if not os.path.isdir(repo):
            subprocess.run(['git', 'clone', '--quiet', '--depth', '1', url, repo], check=True)
        cat = subprocess.Popen(['git', '-C', repo, 'cat-file', '--batch'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        for blob, path in files_of(repo, sub, set(exts)):
            cat.stdin.write((blob + '\n').encode())
            cat.stdin.flush()
            header = cat.stdout.readline().decode()
            if header.endswith('missing\n'):
                continue
            data = cat.stdout.read(int(header.split()[2]))
            cat.stdout.read(1)
            ext = os.path.splitext(path)[1].lower()
            n += 1
            target = os.path.join(pkg, ROLES[ext], '%05d_%s%s' % (n, re.sub(r'[/\\]', '_', os.path.basename(path)),
                                                               '.jpg' if ext == '.fuzzed' else ''))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, 'wb') as fh:
                fh.write(data)
        cat.stdin.close()
        cat.wait()
    rules = os.path.join(a.workdir, 'rules.yaml')
    with open(rules, 'w', encoding='utf-8') as fh:
        fh.write(RULES)
    out = os.path.join(a.workdir, 'out')
    before = tree_hash(pkg)
    cmd = ['/usr/bin/time', '-f', '%e %M', 'java', '-Xmx512m', '-Devcheck.ocr=off', '-jar', a.jar, 'check', pkg,
           '--rules', rules, '--as-of', '2020-12-31', '--format', 'json', '--output', out, '--no-cache']
    run = subprocess.run(cmd, capture_output=True, text=True)
    seconds, rss_kb = run.stderr.strip().splitlines()[-1].split()
    report = json.load(open(os.path.join(out, 'report.json'), encoding='utf-8'))
    named = {f['file'] for f in report['findings'] if f.get('file')}
    named |= {p['file'] for p in report.get('photos', [])} | {p['file'] for p in report.get('reports', [])}
    named |= {x for d in report.get('documents', []) for x in d['files']}
    every = [os.path.relpath(os.path.join(d, f), pkg) for d, _, fs in os.walk(pkg) for f in fs]
    unaccounted = [f for f in every if f not in named]
    traces = sum(1 for line in run.stderr.splitlines() if line.startswith('\tat ') or 'Exception in thread' in line)
    codes = collections.Counter(f['code'] for f in report['findings'])
    print('files %d, exit %d, %.1f s, peak RSS %d MB, stack-trace lines %d, unaccounted %d, package unchanged %s'
          % (len(every), run.returncode, float(seconds), int(rss_kb) // 1024, traces, len(unaccounted),
             tree_hash(pkg) == before))
    print('findings by code:', dict(codes.most_common()))
    ok = run.returncode in (0, 1) and traces == 0 and not unaccounted and int(rss_kb) < 1024 * 1024 and tree_hash(pkg) == before
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
