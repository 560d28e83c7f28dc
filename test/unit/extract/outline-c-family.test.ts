import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";
import type { LanguageId } from "../../../src/languages.ts";

const outline = async (language: LanguageId, source: string) => (await extractSymbols(language, source)).symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name} | ${s.signature}`);

// CPython's object headers: a macro alone on its line before a field (`PyObject_HEAD`) is no name,
// and neither is the field's type; an array of pointers is a field.
const HEADER = `typedef struct {
    PyObject_HEAD
    Py_complex cval;
} PyComplexObject;

typedef struct {
    _ASDL_SEQ_HEAD
    comprehension_ty typed_elements[1];
} asdl_comprehension_seq;

typedef struct {
    _ASDL_SEQ_HEAD
    void *typed_elements[1];
} asdl_generic_seq;

typedef struct _stack_chunk {
    size_t top;
    PyObject * data[1];
} _PyStackChunk;
`;

test("C and C++ fields: after a macro line, and arrays of pointers", async () => {
  for (const language of ["c", "cpp"] as const) {
    expect(await outline(language, HEADER)).toEqual([
      "1 type PyComplexObject | typedef struct",
      "2 field PyComplexObject.cval | Py_complex cval",
      "6 type asdl_comprehension_seq | typedef struct",
      "7 field asdl_comprehension_seq.typed_elements | comprehension_ty typed_elements[1]",
      "11 type asdl_generic_seq | typedef struct",
      "12 field asdl_generic_seq.typed_elements | void *typed_elements[1]",
      "16 type _PyStackChunk | typedef struct _stack_chunk",
      "16 struct _PyStackChunk._stack_chunk | struct _stack_chunk",
      "17 field _PyStackChunk._stack_chunk.top | size_t top",
      "18 field _PyStackChunk._stack_chunk.data | PyObject * data[1]",
    ]);
  }
});

// googletest: a macro between `class` and the name (a member declared right after an access label too);
// static data members defined out of the class; friends are no members.
const GTEST = `namespace testing {
class GTEST_API_ Test {
 public:
  friend class TestInfo;
  virtual void SetUp();
  static void SetUpTestSuite() {}
  int count_;
 protected:
  virtual ~Test();
};
class Counter {
  static int calls;
  static const char* name_;
  friend class ::testing::Test;
};
int Counter::calls = 0;
const char* const Counter::name_ = "c";
}
`;

test("C++ classes a macro garbles, and static data members defined out of the class", async () => {
  expect(await outline("cpp", GTEST)).toEqual([
    "1 module testing | namespace testing",
    "2 class testing.Test | class GTEST_API_ Test",
    "5 method testing.Test.SetUp | virtual void SetUp()",
    "6 method testing.Test.SetUpTestSuite | static void SetUpTestSuite()",
    "7 field testing.Test.count_ | int count_",
    "9 method testing.Test.~Test | virtual ~Test()",
    "11 class testing.Counter | class Counter",
    "12 field testing.Counter.calls | static int calls",
    "13 field testing.Counter.name_ | static const char* name_",
    "16 field testing.Counter.calls | int Counter::calls = 0",
    "17 field testing.Counter.name_ | const char* const Counter::name_ = \"c\"",
  ]);
});

test("functions declared without a body: a header's API with its doc; none inside a body, none a macro garbled", async () => {
  const header = [
    "#ifndef X_H",
    "#define X_H",
    "/* Creates a thread. */",
    "int start(void (*run)(void *), void *arg);",
    "char **names(int n);",
    "extern int garbled (int __x) __THROW __nonnull ((1));",
    "extern int after_garbled (void);",
    "int defined(int a) { int local(int); return a; }",
    "ZEXTERN int ZEXPORT deflate(z_streamp strm, int flush);",
    "#endif",
    "",
  ].join("\n");
  const c = await extractSymbols("c", header);
  expect(c.symbols.filter((s) => s.kind === "function").map((s) => `${s.line} ${s.qualified_name} | ${s.signature} | ${s.doc}`)).toEqual([
    "4 start | int start(void (*run)(void *), void *arg) | Creates a thread.",
    "5 names | char **names(int n) | null",
    "7 after_garbled | extern int after_garbled (void) | null",
    "8 defined | int defined(int a) | null",
    "9 deflate | ZEXPORT deflate(z_streamp strm, int flush) | null",
  ]);
  // zlib's export macros leave `ZEXTERN int` to read as a variable named `int`: no such variable.
  expect(c.symbols.filter((s) => s.kind === "variable")).toEqual([]);
  // Function-like macros are macros, signed by name and parameters; object-like ones constants.
  const macros = await extractSymbols("c", "/* Expects equality. */\n#define EXPECT_EQ(a, b) \\\n  CHECK((a) == (b))\n#define LIMIT 3\n#  define INDENTED(x) (x)\n");
  expect(macros.symbols.map((s) => `${s.line}-${s.end_line} ${s.kind} ${s.name} | ${s.signature} | ${s.doc}`)).toEqual([
    "2-3 macro EXPECT_EQ | #define EXPECT_EQ(a, b) | Expects equality.",
    "4-4 constant LIMIT | #define LIMIT 3 | null",
    "5-5 macro INDENTED | #  define INDENTED(x) | null",
  ]);
  const cpp = [
    "namespace fs {",
    "/// Resolves a path.",
    "std::error_code real_path(const Twine &path, bool expand = false);",
    "std::ostream &operator<<(std::ostream &os, const Path &p);",
    'extern "C" { int c_api(void); }',
    "class File {",
    " public:",
    "  File(int fd);",
    "  void close();",
    "};",
    "void run(std::mutex &mu) {",
    "  std::lock_guard<std::mutex> lock(mu);",
    "  Widget w(Gadget());",
    "}",
    "}",
    "",
  ].join("\n");
  expect(await outline("cpp", cpp)).toEqual([
    "1 module fs | namespace fs",
    "3 function fs.real_path | std::error_code real_path(const Twine &path, bool expand = false)",
    "4 function fs.operator<< | std::ostream &operator<<(std::ostream &os, const Path &p)",
    "5 function fs.c_api | int c_api(void)",
    "6 class fs.File | class File",
    "8 method fs.File.File | File(int fd)",
    "9 method fs.File.close | void close()",
    "11 function fs.run | void run(std::mutex &mu)",
  ]);
  // The preprocessor knows no scopes: a `#define` in a namespace or a function is the file's.
  expect(await outline("cpp", "namespace fs {\n#define MAX(a, b) ((a) > (b) ? (a) : (b))\nvoid f() {\n#define LIMIT 3\n}\n}\n")).toEqual([
    "1 module fs | namespace fs",
    "2 macro MAX | #define MAX(a, b)",
    "3 function fs.f | void f()",
    "4 constant LIMIT | #define LIMIT 3",
  ]);
});

// Objective-C++ (.mm) as React Native writes it: C++ names (`a::b`), references and `using namespace` are
// read as the Objective-C grammar can (it found a variable `namespace` and lost the macro-defined methods),
// and a method defined through a macro taking its selector (`RCT_EXPORT_METHOD(…) { … }`) is that method.
const OBJC_PLUS_PLUS = `#import "RCTBlobManager.h"
#import <react/renderer/core/EventEmitter.h>

using namespace facebook::react;

@interface RCTBlobManager () <RCTTurboModule>
@end

@implementation RCTBlobManager {
  std::mutex _blobsMutex;
  std::unordered_map<std::string, int> _blobs;
}

- (std::shared_ptr<TurboModule>)getTurboModule:(const ObjCTurboModule::InitParams &)params
{
  return std::make_shared<NativeBlobModuleSpecJSI>(params);
}

RCT_EXPORT_METHOD(addNetworkingHandler : (RCTPromiseResolveBlock)resolve reject : (RCTPromiseRejectBlock)reject)
{
  resolve(nil);
}

RCT_EXPORT_METHOD(release : (NSString *)blobId)
{
  [self remove:blobId];
}

- (void)remove:(NSString *)blobId
{
  const auto &props = *_props;
  if (props.size > 0 && (_flags & 1)) {
    [self store:&blobId];
  }
}

@end
`;

test("Objective-C++ and macro-defined methods", async () => {
  const extraction = await extractSymbols("objc", OBJC_PLUS_PLUS);
  expect(extraction.parse_errors).toBeLessThanOrEqual(1);
  expect(await outline("objc", OBJC_PLUS_PLUS)).toEqual([
    "9 class RCTBlobManager | @implementation RCTBlobManager",
    "10 field RCTBlobManager._blobsMutex | std::mutex _blobsMutex",
    "11 field RCTBlobManager._blobs | std::unordered_map<std::string, int> _blobs",
    "14 method RCTBlobManager.getTurboModule: | - (std::shared_ptr<TurboModule>)getTurboModule:(const ObjCTurboModule::InitParams &)params",
    "19 method RCTBlobManager.addNetworkingHandler:reject: | RCT_EXPORT_METHOD(addNetworkingHandler : (RCTPromiseResolveBlock)resolve reject : (RCTPromiseRejectBlock)reject)",
    "24 method RCTBlobManager.release: | RCT_EXPORT_METHOD(release : (NSString *)blobId)",
    "29 method RCTBlobManager.remove: | - (void)remove:(NSString *)blobId",
  ]);
  // A macro of several arguments, or one without a body after it, is no method.
  expect(await outline("objc", "@implementation V\nRCT_EXPORT_VIEW_PROPERTY(color, UIColor)\nRCT_EXPORT_MODULE()\n- (void)f {}\n@end\n")).toEqual(["1 class V | @implementation V", "4 method V.f | - (void)f"]);
});

// C# as current code writes it (Polly 8): a file-scoped namespace holds the rest of the file; `record struct`,
// `file class`, collection expressions; a conversion operator named by its whole type; preprocessor lines
// neither in a signature nor between a doc comment and its definition; a `<see cref>` reads as its name.
const CSHARP = `namespace Acme.Core;

/// <summary>Holds <see cref="T:Acme.Core.Money"/> values.</summary>
#pragma warning disable CA1710
public partial class Wallet
#pragma warning restore CA1710
{
    public int[] Coins = [1, 2];
    public static implicit operator Func<int, ValueTask<bool>>(Wallet w) => null;
}

#if NET8_0
[Serializable]
#endif
public readonly record struct Money(decimal Amount)
{
    public decimal Double() => Amount * 2;
}

file class Hidden { }
`;

test("C#: file-scoped namespaces, record structs, file classes, conversion operators, preprocessor lines", async () => {
  expect(await outline("c_sharp", CSHARP)).toEqual([
    "1 module Acme.Core | namespace Acme.Core",
    "5 class Acme.Core.Wallet | public partial class Wallet",
    "8 field Acme.Core.Wallet.Coins | public int[] Coins = [1, 2]",
    "9 method Acme.Core.Wallet.operator Func<int, ValueTask<bool>> | public static implicit operator Func<int, ValueTask<bool>>(Wallet w)",
    "12 record Acme.Core.Money | public readonly record struct Money(decimal Amount)",
    "17 method Acme.Core.Money.Double | public decimal Double()",
    "20 class Acme.Core.Hidden | file class Hidden",
  ]);
  const wallet = (await extractSymbols("c_sharp", CSHARP)).symbols.find((s) => s.name === "Wallet")!;
  expect(wallet.doc).toBe("Holds Acme.Core.Money values.");
});
