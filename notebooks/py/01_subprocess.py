"""Tier 5a: three child processes awaited concurrently.

Each child sleeps `seconds` (scaled) and prints its number. Prints one JSON line: the elapsed time
in article seconds (≈ one sleep, not three) and the outputs in start order.
"""
import asyncio
import json
import os
import sys
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0


# region: child
async def child(i):
    code = f"import time; time.sleep({SECONDS * SCALE}); print({i})"
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code,
                                                stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return out.decode().strip()
# endregion


async def main():
    start = time.perf_counter()
    outputs = await asyncio.gather(*(child(i) for i in range(1, 4)))
    elapsed = (time.perf_counter() - start) / SCALE
    return {"elapsed": elapsed, "sleep": SECONDS, "outputs": outputs,
            "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
