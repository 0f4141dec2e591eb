// Loads Prisma's Wasm schema engine on Node 20 without experimental flags, driven by a
// driver adapter. Used to author migrations and to check drift; never at runtime.
// See ../shared/STACK.md (Q1) for why the CLI's native engine is not an option here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { loadPgliteExtensions } from "./pglite.ts";

let isWasmLoaded = false;

function loadWasm(): void {
  if (isWasmLoaded) return;
  const bindings = wasmBindings as unknown as Record<string, unknown> & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const wasmPath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg")).replace(/\.js$/, ".wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    "./schema_engine_bg.js": bindings as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  isWasmLoaded = true;
}

/** A PGlite adapter factory whose scripts are awaited (pglite-prisma-adapter 0.7.2 does not). */
export function pgliteAdapterFactory(main: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(main) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const awaitScripts = async (adapterPromise: Promise<unknown>) => {
    const adapter = (await adapterPromise) as { client: PGlite; executeScript(script: string): Promise<void> };
    const client = adapter.client;
    adapter.executeScript = async (script: string) => {
      await client.exec(script);
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  factory.connect = (() => awaitScripts(connect())) as unknown as typeof factory.connect;
  // The shadow database is a throwaway in-memory PGlite with the same extensions.
  factory.connectToShadowDb = (async () => {
    const shadow = await PGlite.create({ extensions: loadPgliteExtensions() });
    return awaitScripts(new PrismaPGlite(shadow).connect());
  }) as unknown as typeof factory.connectToShadowDb;
  return factory;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/** Opens the Wasm schema engine over the given adapter factory. Call `free()` when done. */
export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: SchemaFile[],
): Promise<SchemaEngine> {
  loadWasm();
  const bound = bindMigrationAwareSqlAdapterFactory(factory) as ReturnType<typeof bindMigrationAwareSqlAdapterFactory> & {
    errorRegistry: { consumeError(id: number): unknown };
  };
  // The engine reports adapter failures as "External error id#N"; look the real one up.
  const translate = (error: unknown): unknown => {
    const message = String((error as Error | undefined)?.message ?? error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const found = (id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))) as
      | { error?: { originalMessage?: string; message?: string } }
      | undefined;
    if (!found) return error;
    const detail = found.error?.originalMessage ?? found.error?.message ?? "";
    return new Error(`${message.split("\n")[0]}: ${detail}`, { cause: found.error });
  };
  const engineClass = (wasmBindings as unknown as { SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> } }).SchemaEngine;
  const engine = await engineClass
    .new({ datamodels: schemaFiles.map((file) => [file.path, file.content]) }, () => {}, bound)
    .catch((error: unknown) => {
      throw translate(error);
    });
  return new Proxy(engine, {
    get(target, property) {
      const value = (target as unknown as Record<PropertyKey, unknown>)[property];
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw translate(error);
            })
          : result;
      };
    },
  });
}
