#!/usr/bin/python3
"""Where the CPU goes, instruction by instruction, in the JIT-compiled event loop.

A poor man's JMH perfasm for a machine without hardware performance counters (a VM) and
without a HotSpot disassembler plugin that works with JDK 17: `perf` samples the program
counter on the software `cpu-clock` event, HotSpot prints the compiled methods as hex
(`-XX:CompileCommand=print,...`), and capstone disassembles them; each instruction is shown
with the samples that landed on it. Expect skid: a sample lands on the instruction after the
one that stalled (a cache miss, a long floating-point chain, a mispredicted branch).

Needs `perf` and `python3-capstone` (Debian: apt-get install linux-perf python3-capstone).
Used in docs/performance.md ("What changed on 2026-11-26"):

    java -XX:+UseParallelGC -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet \\
        '-XX:CompileCommand=print,org.lbsim.*::*' -jar target/lbsim.jar bench --repeat 5 > asm.txt &
    sleep 6; pid=$(pgrep -f 'lbsim.jar bench'); tid=$(ls /proc/$pid/task | sort -n | sed -n 2p)
    perf record -e cpu-clock -F 5000 -p $pid -o perf.data -- sleep 4
    /usr/bin/python3 tools/perfasm.py asm.txt perf.data $tid            # samples per compiled method
    /usr/bin/python3 tools/perfasm.py asm.txt perf.data $tid 'c2 org.lbsim.engine.FewEvents::fireFirst'

The second thread of the JVM (`sed -n 2p`) is `main`, which runs the simulation. Without a
method name, the hottest compiled method is listed.
"""
import collections
import re
import subprocess
import sys

import capstone


def compiled_methods(path):
    """The compiled methods in a PrintAssembly dump: name, start address, machine code."""
    methods, current = [], None
    for line in open(path, errors='replace'):
        header = re.match(r'Compiled method \((c[12])\)\s+\d+\s+(\d+)\s+.*?\s(\S+::\S+)', line)
        if header:
            current = {'name': f"{header.group(1)} {header.group(3)} #{header.group(2)}", 'chunks': {}}
            methods.append(current)
            continue
        code = re.match(r'\s+0x([0-9a-f]+): ((?:[0-9a-f]{4} ?\|? ?)+)\s*$', line)
        if current is not None and code:
            current['chunks'][int(code.group(1), 16)] = bytes.fromhex(code.group(2).replace('|', '').replace(' ', ''))
    for method in methods:
        if not method['chunks']:
            continue
        start = min(method['chunks'])
        code = b''
        for address in sorted(method['chunks']):
            code += b'\x00' * (address - start - len(code)) + method['chunks'][address]
        method['start'], method['code'] = start, code
    return [m for m in methods if 'code' in m]


def sampled_pcs(perf_data, tid):
    """How many cpu-clock samples of thread `tid` landed on each program counter."""
    out = subprocess.run(['perf', 'script', '-i', perf_data, '-F', 'tid,ip'], capture_output=True, text=True).stdout
    pcs = collections.Counter()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[0] == tid:
            pcs[int(fields[1], 16)] += 1
    return pcs


def main():
    asm, perf_data, tid = sys.argv[1:4]
    methods = compiled_methods(asm)
    pcs = sampled_pcs(perf_data, tid)
    total = sum(pcs.values())
    per_method, inside = collections.Counter(), collections.defaultdict(collections.Counter)
    for pc, n in pcs.items():
        # The last method printed at an address is the one installed there (code is reused).
        hit = next((m for m in reversed(methods) if m['start'] <= pc < m['start'] + len(m['code'])), None)
        name = hit['name'] if hit else '(not in the dump)'
        per_method[name] += n
        inside[name][pc] += n
    print(f'{total} samples of thread {tid}')
    for name, n in per_method.most_common(15):
        print(f'{100 * n / total:5.1f}% {name}')
    wanted = sys.argv[4] if len(sys.argv) > 4 else next(n for n, _ in per_method.most_common() if n != '(not in the dump)')
    method = next(m for m in reversed(methods) if m['name'].startswith(wanted))
    print(f"\n{method['name']}: samples, address, instruction")
    disassembler = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
    for instruction in disassembler.disasm(method['code'], method['start']):
        n = inside[method['name']].get(instruction.address, 0)
        print(f'{n:6d} {instruction.address:x}: {instruction.mnemonic} {instruction.op_str}')


if __name__ == '__main__':
    main()
