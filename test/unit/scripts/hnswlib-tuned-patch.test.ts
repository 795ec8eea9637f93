import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/tmp';

type PatchModule = { patchTunedHnswlib: (dir: string) => void; TUNED_PATCH_LEVEL: number };
// @ts-expect-error -- a plain .mjs script (the install step runs it without a TypeScript loader), typed by the cast
const { patchTunedHnswlib } = (await import('../../../scripts/hnswlib-tuned-patch.mjs')) as PatchModule;

const source = path.dirname(createRequire(import.meta.url).resolve('hnswlib-node/package.json'));
const tmp = useTempDir('assay-hnswlib-patch-');

function sourceCopy(): string {
  const dir = tmp();
  cpSync(path.join(source, 'src'), path.join(dir, 'src'), { recursive: true });
  return dir;
}

describe('tuned hnswlib source patch', () => {
  it('applies to the installed hnswlib-node sources: huge pages for the base layer and a Float32Array search', () => {
    const dir = sourceCopy();
    patchTunedHnswlib(dir);
    const alg = readFileSync(path.join(dir, 'src', 'hnswlib', 'hnswalg.h'), 'utf8');
    const addon = readFileSync(path.join(dir, 'src', 'addon.cc'), 'utf8');
    // Every allocation of the base layer: a new index, a resized one and a loaded one.
    expect(alg.match(/adviseHugePages\(data_level0_memory_, /g)).toHaveLength(3);
    expect(alg).toContain('#include <sys/mman.h>');
    expect(addon).toContain('InstanceMethod("searchKnnFloat32", &HierarchicalNSW::searchKnnFloat32)');
    expect(addon).toContain('Napi::Value searchKnnFloat32(const Napi::CallbackInfo& info)');
  });

  it('adds the int8-walk space to the HNSW wrapper only, and routes both of its searches and getPoint through it', () => {
    const dir = sourceCopy();
    patchTunedHnswlib(dir);
    const addon = readFileSync(path.join(dir, 'src', 'addon.cc'), 'utf8');
    expect(addon).toContain('class CosineInt8Space : public hnswlib::SpaceInterface<float>');
    // BruteforceSearch keeps its own space names; HierarchicalNSW accepts the new one.
    expect(addon.match(/space_name != "cosine-int8"/g)).toHaveLength(1);
    expect(addon.match(/knn = searchPoint\(vec, static_cast<size_t>\(k\), filterFn(\.get\(\))?\);/g)).toHaveLength(2);
    expect(addon).toContain('assay::floatPart(element, dim_)');
    expect(addon.match(/index_->searchKnn\(/g)).toHaveLength(3); // BruteforceSearch's, and the two in searchPoint
  });

  it('refuses sources it does not recognise rather than compiling a half-patched copy', () => {
    const dir = sourceCopy();
    const header = path.join(dir, 'src', 'hnswlib', 'hnswalg.h');
    writeFileSync(header, readFileSync(header, 'utf8').replace('data_level0_memory_ = data_level0_memory_new;', 'data_level0_memory_ = fresh;'));
    expect(() => patchTunedHnswlib(dir)).toThrow(/hnswalg\.h does not contain the expected code exactly once/);
  });

  it('refuses to patch a copy twice, leaving it as the first patch left it', () => {
    const dir = sourceCopy();
    patchTunedHnswlib(dir);
    const header = path.join(dir, 'src', 'hnswlib', 'hnswalg.h');
    const once = readFileSync(header, 'utf8');
    expect(() => patchTunedHnswlib(dir)).toThrow(/is patched already/);
    expect(readFileSync(header, 'utf8')).toBe(once);
  });
});
