// Source changes applied to the tuned and portable hnswlib copies (scripts/ensure-native.mjs) before they are
// compiled. In the float spaces they change how fast a search runs, never what it returns; they also add the
// "cosine-int8" space (an int8 walk re-ranked exactly in float32; INT8_SPACE below). Measured on the real-text bench (87k x 768, M 16, ef 192, CPU
// time, same index, same run): huge pages 1784 -> 1477 us a query. Prefetching each neighbour's whole vector
// instead of its first cache line was tried and measured within noise (-4% to +6%), so it is not applied.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bumped whenever the edits below change, so an install rebuilds a copy made with older ones. */
export const TUNED_PATCH_LEVEL = 2;

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

    std::priority_queue<std::pair<float, size_t>> knn;
    try {
      knn = searchPoint(vec, static_cast<size_t>(k), filterFn.get());
    } catch (const std::runtime_error& e) {
      Napi::Error::New(env, "Hnswlib Error: " + std::string(e.what())).ThrowAsJavaScriptException();
      return env.Null();
    }
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

// The "cosine-int8" space: the graph is walked on 8-bit vectors and the walk's ef candidates are re-ranked
// exactly in float32. A 768-dim float vector is 3 KiB (48 cache lines) and a search is bound by reading them at
// random; its int8 copy is 768 bytes. Each element's data is [float scale][int8 x dim][float32 x dim], with
// q = round(x / maxabs * 127) and scale = maxabs / 127 per vector (symmetric), so a walk distance is
// 1 - sa * sb * sum(qa * qb) (int32 sums) and reads only the scale and the int8 part; the float part, in the same
// element block (saved, loaded and resized with it), serves the re-rank and getPoint. The returned distances are
// the exact float32 cosine distances, in exact order.
const INT8_SPACE = {
  file: 'src/addon.cc',
  find: `class L2Space : public Napi::ObjectWrap<L2Space> {
`,
  replace: `// Assay: the int8-walk cosine space (scripts/hnswlib-tuned-patch.mjs).
namespace assay {
inline size_t int8ElementBytes(size_t dim) { return sizeof(float) + dim + dim * sizeof(float); }

// x must be normalized already (the cosine space normalizes every point and query).
inline void encodeInt8Element(const float* x, size_t dim, char* out) {
  float maxabs = 0.0f;
  for (size_t i = 0; i < dim; i++) maxabs = std::max(maxabs, std::fabs(x[i]));
  const float scale = maxabs / 127.0f;
  const float inv = maxabs > 0.0f ? 127.0f / maxabs : 0.0f;
  std::memcpy(out, &scale, sizeof(float));
  int8_t* q = reinterpret_cast<int8_t*>(out + sizeof(float));
  for (size_t i = 0; i < dim; i++) {
    const float r = std::nearbyint(x[i] * inv);
    q[i] = static_cast<int8_t>(std::min(127.0f, std::max(-127.0f, r)));
  }
  std::memcpy(out + sizeof(float) + dim, x, dim * sizeof(float));
}

inline const float* floatPart(const char* element, size_t dim) {
  return reinterpret_cast<const float*>(element + sizeof(float) + dim);
}

static float cosineInt8Distance(const void* a, const void* b, const void* param) {
  const size_t dim = *static_cast<const size_t*>(param);
  const char* pa = static_cast<const char*>(a);
  const char* pb = static_cast<const char*>(b);
  float sa, sb;
  std::memcpy(&sa, pa, sizeof(float));
  std::memcpy(&sb, pb, sizeof(float));
  const int8_t* qa = reinterpret_cast<const int8_t*>(pa + sizeof(float));
  const int8_t* qb = reinterpret_cast<const int8_t*>(pb + sizeof(float));
  int32_t sum = 0;
  size_t i = 0;
#if defined(__AVX2__)
  // Sign-extend 16 int8 to 16 int16 and multiply-add pairs into 8 int32 lanes: |q| <= 127, so a pair sums to at
  // most 32258 and 768 dimensions stay far inside int32.
  __m256i acc0 = _mm256_setzero_si256();
  __m256i acc1 = _mm256_setzero_si256();
  for (; i + 32 <= dim; i += 32) {
    const __m256i a0 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qa + i)));
    const __m256i b0 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qb + i)));
    const __m256i a1 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qa + i + 16)));
    const __m256i b1 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qb + i + 16)));
    acc0 = _mm256_add_epi32(acc0, _mm256_madd_epi16(a0, b0));
    acc1 = _mm256_add_epi32(acc1, _mm256_madd_epi16(a1, b1));
  }
  const __m256i acc = _mm256_add_epi32(acc0, acc1);
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
  s = _mm_hadd_epi32(s, s);
  s = _mm_hadd_epi32(s, s);
  sum = _mm_cvtsi128_si32(s);
#endif
  for (; i < dim; i++) sum += static_cast<int32_t>(qa[i]) * static_cast<int32_t>(qb[i]);
  return 1.0f - sa * sb * static_cast<float>(sum);
}

class CosineInt8Space : public hnswlib::SpaceInterface<float> {
  size_t dim_;
  size_t data_size_;

 public:
  explicit CosineInt8Space(size_t dim) : dim_(dim), data_size_(int8ElementBytes(dim)) {}
  size_t get_data_size() override { return data_size_; }
  hnswlib::DISTFUNC<float> get_dist_func() override { return cosineInt8Distance; }
  void* get_dist_func_param() override { return &dim_; }
};
} // namespace assay

class L2Space : public Napi::ObjectWrap<L2Space> {
`,
};

const INT8_INCLUDES = {
  file: 'src/addon.cc',
  find: `#include <cmath>
`,
  replace: `#include <cmath>
#include <algorithm>
#include <cstdint>
#include <cstring>
#if defined(__AVX2__)
#include <immintrin.h>
#endif
`,
};

// The HierarchicalNSW wrapper learns the new space name; the constructor is replaced whole (its space check is
// worded like BruteforceSearch's, so only the whole block is unique).
const INT8_CONSTRUCTOR = {
  file: 'src/addon.cc',
  find: `  HierarchicalNSW(const Napi::CallbackInfo& info)
      : Napi::ObjectWrap<HierarchicalNSW>(info), index_(nullptr), space_(nullptr), normalize_(false) {
    Napi::Env env = info.Env();

    if (info.Length() != 2) {
      Napi::Error::New(env, "Expected 2 arguments, but got " + std::to_string(info.Length()) + ".")
        .ThrowAsJavaScriptException();
      return;
    }
    if (!info[0].IsString()) {
      Napi::TypeError::New(env, "Invalid the first argument type, must be a string.").ThrowAsJavaScriptException();
      return;
    }
    if (!info[1].IsNumber()) {
      Napi::TypeError::New(env, "Invalid the second argument type, must be a number.").ThrowAsJavaScriptException();
      return;
    }

    const std::string space_name = info[0].As<Napi::String>().ToString();
    if (space_name != "l2" && space_name != "ip" && space_name != "cosine") {
      Napi::Error::New(env, "Wrong space name, expected \\"l2\\", \\"ip\\", or \\"cosine\\".").ThrowAsJavaScriptException();
      return;
    }

    dim_ = info[1].As<Napi::Number>().Uint32Value();

    try {
      if (space_name == "l2") {
`,
  replace: `  // Assay: the "cosine-int8" space (int8 walk, float32 re-rank) and the exact space its re-rank uses.
  bool quantized_ = false;
  std::unique_ptr<hnswlib::InnerProductSpace> exact_space_;

  HierarchicalNSW(const Napi::CallbackInfo& info)
      : Napi::ObjectWrap<HierarchicalNSW>(info), index_(nullptr), space_(nullptr), normalize_(false) {
    Napi::Env env = info.Env();

    if (info.Length() != 2) {
      Napi::Error::New(env, "Expected 2 arguments, but got " + std::to_string(info.Length()) + ".")
        .ThrowAsJavaScriptException();
      return;
    }
    if (!info[0].IsString()) {
      Napi::TypeError::New(env, "Invalid the first argument type, must be a string.").ThrowAsJavaScriptException();
      return;
    }
    if (!info[1].IsNumber()) {
      Napi::TypeError::New(env, "Invalid the second argument type, must be a number.").ThrowAsJavaScriptException();
      return;
    }

    const std::string space_name = info[0].As<Napi::String>().ToString();
    if (space_name != "l2" && space_name != "ip" && space_name != "cosine" && space_name != "cosine-int8") {
      Napi::Error::New(env, "Wrong space name, expected \\"l2\\", \\"ip\\", \\"cosine\\" or \\"cosine-int8\\".").ThrowAsJavaScriptException();
      return;
    }

    dim_ = info[1].As<Napi::Number>().Uint32Value();

    try {
      if (space_name == "cosine-int8") {
        space_ = new assay::CosineInt8Space(static_cast<size_t>(dim_));
        exact_space_.reset(new hnswlib::InnerProductSpace(static_cast<size_t>(dim_)));
        normalize_ = true;
        quantized_ = true;
      } else if (space_name == "l2") {
`,
};

const INT8_ADD_POINT = {
  file: 'src/addon.cc',
  find: `      index_->addPoint(reinterpret_cast<void*>(vec.data()), static_cast<hnswlib::labeltype>(idx), replace_deleted);
`,
  replace: `      if (quantized_) {
        std::vector<char> element(assay::int8ElementBytes(dim_));
        assay::encodeInt8Element(vec.data(), dim_, element.data());
        index_->addPoint(reinterpret_cast<void*>(element.data()), static_cast<hnswlib::labeltype>(idx), replace_deleted);
      } else {
        index_->addPoint(reinterpret_cast<void*>(vec.data()), static_cast<hnswlib::labeltype>(idx), replace_deleted);
      }
`,
};

// The stock searchKnn (plain-array queries) goes through the same searchPoint; the anchor runs to getIdsList,
// which only the HierarchicalNSW wrapper has, because BruteforceSearch's searchKnn ends with the same lines.
const INT8_STOCK_SEARCH = {
  file: 'src/addon.cc',
  find: `    std::priority_queue<std::pair<float, size_t>> knn =
      index_->searchKnn(reinterpret_cast<void*>(vec.data()), static_cast<size_t>(k), filterFn);
    const size_t n_results = knn.size();
    Napi::Array arr_distances = Napi::Array::New(env, n_results);
    Napi::Array arr_neighbors = Napi::Array::New(env, n_results);
    for (int32_t i = static_cast<int32_t>(n_results) - 1; i >= 0; i--) {
      const std::pair<float, size_t>& nn = knn.top();
      arr_distances[i] = Napi::Number::New(env, nn.first);
      arr_neighbors[i] = Napi::Number::New(env, nn.second);
      knn.pop();
    }

    if (filterFn) delete filterFn;

    Napi::Object results = Napi::Object::New(env);
    results.Set("distances", arr_distances);
    results.Set("neighbors", arr_neighbors);
    return results;
  }

  Napi::Value getIdsList(const Napi::CallbackInfo& info) {
`,
  replace: `    std::priority_queue<std::pair<float, size_t>> knn;
    try {
      knn = searchPoint(vec, static_cast<size_t>(k), filterFn);
    } catch (const std::runtime_error& e) {
      if (filterFn) delete filterFn;
      Napi::Error::New(env, "Hnswlib Error: " + std::string(e.what())).ThrowAsJavaScriptException();
      return env.Null();
    }
    const size_t n_results = knn.size();
    Napi::Array arr_distances = Napi::Array::New(env, n_results);
    Napi::Array arr_neighbors = Napi::Array::New(env, n_results);
    for (int32_t i = static_cast<int32_t>(n_results) - 1; i >= 0; i--) {
      const std::pair<float, size_t>& nn = knn.top();
      arr_distances[i] = Napi::Number::New(env, nn.first);
      arr_neighbors[i] = Napi::Number::New(env, nn.second);
      knn.pop();
    }

    if (filterFn) delete filterFn;

    Napi::Object results = Napi::Object::New(env);
    results.Set("distances", arr_distances);
    results.Set("neighbors", arr_neighbors);
    return results;
  }

  // Assay: the element block of a label, or nullptr when it is unknown. Deleted elements are returned too.
  const char* elementByLabel(hnswlib::labeltype label, bool* deleted) const {
    std::unique_lock<std::mutex> lock(index_->label_lookup_lock);
    auto found = index_->label_lookup_.find(label);
    if (found == index_->label_lookup_.end()) return nullptr;
    const hnswlib::tableint internal = found->second;
    lock.unlock();
    if (deleted) *deleted = index_->isMarkedDeleted(internal);
    return index_->getDataByInternalId(internal);
  }

  // Assay: a normalized query's k nearest, nearest last popped. In the int8 space the walk keeps max(ef, k)
  // candidates (the filter and delete marks apply there, as in the float space), and each is re-scored with
  // the exact float32 cosine distance of its stored float part; the k best of those are returned.
  std::priority_queue<std::pair<float, size_t>> searchPoint(std::vector<float>& vec, size_t k, hnswlib::BaseFilterFunctor* filter) {
    if (!quantized_) return index_->searchKnn(reinterpret_cast<void*>(vec.data()), k, filter);
    std::vector<char> query(assay::int8ElementBytes(dim_));
    assay::encodeInt8Element(vec.data(), dim_, query.data());
    std::priority_queue<std::pair<float, hnswlib::labeltype>> walk =
      index_->searchKnn(reinterpret_cast<void*>(query.data()), std::max(k, index_->ef_), filter);
    hnswlib::DISTFUNC<float> exact = exact_space_->get_dist_func();
    void* param = exact_space_->get_dist_func_param();
    std::priority_queue<std::pair<float, size_t>> best;
    while (!walk.empty()) {
      const hnswlib::labeltype label = walk.top().second;
      walk.pop();
      const char* element = elementByLabel(label, nullptr);
      if (element == nullptr) continue;
      const float d = exact(vec.data(), assay::floatPart(element, dim_), param);
      if (best.size() < k) {
        best.emplace(d, label);
      } else if (d < best.top().first) {
        best.pop();
        best.emplace(d, label);
      }
    }
    return best;
  }

  Napi::Value getIdsList(const Napi::CallbackInfo& info) {
`,
};

// getPoint returns the stored float part in the int8 space (hnswlib's getDataByLabel would read the element's
// first dim floats, which there are the scale and the int8 codes); a deleted or unknown label throws, as there.
const INT8_GET_POINT = {
  file: 'src/addon.cc',
  find: `      std::vector<float> vec = index_->getDataByLabel<float>(static_cast<size_t>(label));
`,
  replace: `      std::vector<float> vec;
      if (quantized_) {
        bool deleted = false;
        const char* element = elementByLabel(static_cast<hnswlib::labeltype>(label), &deleted);
        if (element == nullptr || deleted) throw std::runtime_error("Label not found");
        const float* x = assay::floatPart(element, dim_);
        vec.assign(x, x + dim_);
      } else {
        vec = index_->getDataByLabel<float>(static_cast<size_t>(label));
      }
`,
};

const EDITS = [
  HUGE_PAGES_INCLUDE, HUGE_PAGES_HELPER, HUGE_PAGES_NEW, HUGE_PAGES_RESIZE, HUGE_PAGES_LOAD,
  INT8_INCLUDES, INT8_SPACE, INT8_CONSTRUCTOR, INT8_ADD_POINT, INT8_STOCK_SEARCH, INT8_GET_POINT,
  FLOAT32_SEARCH_METHOD, FLOAT32_SEARCH_BODY,
];

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
