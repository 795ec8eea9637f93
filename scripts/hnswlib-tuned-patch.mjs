// Source changes applied to the tuned hnswlib copy (scripts/ensure-native.mjs) before it is compiled. They change
// how fast a search runs, never what it returns. Measured on the real-text bench (87k x 768, M 16, ef 192, CPU
// time, same index, same run): huge pages 1784 -> 1477 us a query. Prefetching each neighbour's whole vector
// instead of its first cache line was tried and measured within noise (-4% to +6%), so it is not applied.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bumped whenever the edits below change, so an install rebuilds a copy made with older ones. */
export const TUNED_PATCH_LEVEL = 1;

// hnswlib-node reads a query from a plain JS array with one N-API call per element, about 45 us for 768 values
// (3% of a search at ef 192 on the bench). searchKnnFloat32 takes a Float32Array and copies it at once; the
// checks, the search and the result object are searchKnn's. main/indexes/hnsw-shard.ts uses it when present.
const FLOAT32_SEARCH_METHOD = {
  file: 'src/addon.cc',
  find: `      InstanceMethod("searchKnn", &HierarchicalNSW::searchKnn),
`,
  replace: `      InstanceMethod("searchKnn", &HierarchicalNSW::searchKnn),
      InstanceMethod("searchKnnFloat32", &HierarchicalNSW::searchKnnFloat32),
`,
};

const FLOAT32_SEARCH_BODY = {
  file: 'src/addon.cc',
  find: `  Napi::Value getIdsList(const Napi::CallbackInfo& info) {
`,
  replace: `  // Assay: searchKnn for a Float32Array query.
  Napi::Value searchKnnFloat32(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();

    if (info.Length() < 2 || !info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
      Napi::TypeError::New(env, "Invalid the first argument type, must be a Float32Array.").ThrowAsJavaScriptException();
      return env.Null();
    }
    if (!info[1].IsNumber()) {
      Napi::TypeError::New(env, "Invalid the second argument type, must be a number.").ThrowAsJavaScriptException();
      return env.Null();
    }
    if (!info[2].IsUndefined() && !info[2].IsFunction()) {
      Napi::TypeError::New(env, "Invalid the third argument type, must be a function.").ThrowAsJavaScriptException();
      return env.Null();
    }
    if (index_ == nullptr) {
      Napi::Error::New(env, "Search index has not been initialized, call \`initIndex\` in advance.").ThrowAsJavaScriptException();
      return env.Null();
    }

    Napi::Float32Array query = info[0].As<Napi::Float32Array>();
    if (query.ElementLength() != dim_) {
      Napi::Error::New(env, "Invalid the given array length (expected " + std::to_string(dim_) + ", but got " +
                              std::to_string(query.ElementLength()) + ").")
        .ThrowAsJavaScriptException();
      return env.Null();
    }

    const uint32_t k = info[1].As<Napi::Number>().Uint32Value();
    if (k > index_->max_elements_) {
      Napi::Error::New(env, "Invalid the number of k-nearest neighbors (cannot be given a value greater than \`maxElements\`: " +
                              std::to_string(index_->max_elements_) + ").")
        .ThrowAsJavaScriptException();
      return env.Null();
    }

    std::vector<float> vec(query.Data(), query.Data() + dim_);
    if (normalize_) normalizePoint(vec);

    std::unique_ptr<CustomFilterFunctor> filterFn;
    if (info[2].IsFunction()) filterFn.reset(new CustomFilterFunctor(env, info[2].As<Napi::Function>()));

    std::priority_queue<std::pair<float, size_t>> knn =
      index_->searchKnn(reinterpret_cast<void*>(vec.data()), static_cast<size_t>(k), filterFn.get());
    const size_t n_results = knn.size();
    Napi::Array arr_distances = Napi::Array::New(env, n_results);
    Napi::Array arr_neighbors = Napi::Array::New(env, n_results);
    for (int32_t i = static_cast<int32_t>(n_results) - 1; i >= 0; i--) {
      const std::pair<float, size_t>& nn = knn.top();
      arr_distances[i] = Napi::Number::New(env, nn.first);
      arr_neighbors[i] = Napi::Number::New(env, nn.second);
      knn.pop();
    }

    Napi::Object results = Napi::Object::New(env);
    results.Set("distances", arr_distances);
    results.Set("neighbors", arr_neighbors);
    return results;
  }

  Napi::Value getIdsList(const Napi::CallbackInfo& info) {
`,
};

// The base layer (every element's links and vector) is read at random, one element per distance; with 4 KiB
// pages nearly every distance also misses the TLB. Where transparent huge pages are granted on request (Linux's
// default "madvise" mode), asking for them on that block removes most of those misses.
const HUGE_PAGES_INCLUDE = {
  file: 'src/hnswlib/hnswalg.h',
  find: `#include <unordered_set>
`,
  replace: `#include <unordered_set>
#ifdef __linux__
#include <sys/mman.h>
#endif
`,
};

const HUGE_PAGES_HELPER = {
  file: 'src/hnswlib/hnswalg.h',
  find: `    inline char *getDataByInternalId(tableint internal_id) const {
        return (data_level0_memory_ + internal_id * size_data_per_element_ + offsetData_);
    }
`,
  replace: `    inline char *getDataByInternalId(tableint internal_id) const {
        return (data_level0_memory_ + internal_id * size_data_per_element_ + offsetData_);
    }

    // Assay: transparent huge pages for a block that is read at random (a hint; ignored where not granted).
    static void adviseHugePages(char *p, size_t bytes) {
#ifdef __linux__
        if (p == nullptr) return;
        const uintptr_t page = 4096;
        const uintptr_t start = (reinterpret_cast<uintptr_t>(p) + page - 1) & ~(page - 1);
        const uintptr_t end = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(page - 1);
        if (end > start) madvise(reinterpret_cast<void *>(start), end - start, MADV_HUGEPAGE);
#endif
    }
`,
};

const HUGE_PAGES_NEW = {
  file: 'src/hnswlib/hnswalg.h',
  find: `        data_level0_memory_ = (char *) malloc(max_elements_ * size_data_per_element_);
`,
  replace: `        data_level0_memory_ = (char *) malloc(max_elements_ * size_data_per_element_);
        adviseHugePages(data_level0_memory_, max_elements_ * size_data_per_element_);
`,
};

const HUGE_PAGES_RESIZE = {
  file: 'src/hnswlib/hnswalg.h',
  find: `        data_level0_memory_ = data_level0_memory_new;
`,
  replace: `        data_level0_memory_ = data_level0_memory_new;
        adviseHugePages(data_level0_memory_, new_max_elements * size_data_per_element_);
`,
};

const HUGE_PAGES_LOAD = {
  file: 'src/hnswlib/hnswalg.h',
  find: `        data_level0_memory_ = (char *) malloc(max_elements * size_data_per_element_);
`,
  replace: `        data_level0_memory_ = (char *) malloc(max_elements * size_data_per_element_);
        adviseHugePages(data_level0_memory_, max_elements * size_data_per_element_);
`,
};

const EDITS = [HUGE_PAGES_INCLUDE, HUGE_PAGES_HELPER, HUGE_PAGES_NEW, HUGE_PAGES_RESIZE, HUGE_PAGES_LOAD, FLOAT32_SEARCH_METHOD, FLOAT32_SEARCH_BODY];

/**
 * Applies the edits to the hnswlib-node copy in `dir`. Each must match exactly once, and nothing is written
 * unless all do: a changed upstream source (or a copy patched already) throws here, and the caller keeps the
 * stock build rather than compiling a half-patched one.
 */
export function patchTunedHnswlib(dir) {
  const texts = new Map();
  for (const edit of EDITS) {
    const file = path.join(dir, edit.file);
    const text = texts.get(file) ?? readFileSync(file, 'utf8');
    // The edits insert code after their anchors, which stay: a copy patched before would match again.
    if (text.includes(edit.replace)) throw new Error(`hnswlib patch: ${edit.file} is patched already`);
    const at = text.indexOf(edit.find);
    if (at < 0 || text.indexOf(edit.find, at + 1) >= 0) throw new Error(`hnswlib patch: ${edit.file} does not contain the expected code exactly once`);
    texts.set(file, text.slice(0, at) + edit.replace + text.slice(at + edit.find.length));
  }
  for (const [file, text] of texts) writeFileSync(file, text);
}
