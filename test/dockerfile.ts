// Reads the repository's Dockerfile into stages, for the tests of the images.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, JSONInstruction, ModifiableInstruction, type Instruction } from 'dockerfile-ast';

const DOCKERFILE = join(__dirname, '..', 'Dockerfile');

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

export function stages(): Stage[] {
  const dockerfile = DockerfileParser.parse(readFileSync(DOCKERFILE, 'utf8'));
  const result: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue());
      result.push({ base: args[0]!, name: args[2] ?? String(result.length), instructions: [] });
    } else {
      result.at(-1)?.instructions.push(instruction);
    }
  }
  return result;
}

export function stage(name: string): Stage {
  const found = stages().find((s) => s.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage ${name}`);
  return found;
}

/** A stage's instructions, its ancestors' first (FROM <stage> inherits them). */
export function lineage(name: string): Instruction[] {
  const own = stage(name);
  const parent = stages().find((s) => s.name === own.base);
  return [...(parent ? lineage(parent.name) : []), ...own.instructions];
}

/** An instruction's words, from its exec (JSON) form when it has one. */
export function words(instruction: Instruction): string[] {
  if (instruction instanceof JSONInstruction && instruction.getJSONStrings().length > 0)
    return instruction.getJSONStrings().map((a) => a.getJSONValue());
  return instruction.getArguments().map((a) => a.getValue());
}

/** The stage a COPY takes its files from; undefined for the build context. */
export function copiedFrom(instruction: Instruction): string | undefined {
  if (!(instruction instanceof ModifiableInstruction)) return undefined;
  return (
    instruction
      .getFlags()
      .find((flag) => flag.getName() === 'from')
      ?.getValue() ?? undefined
  );
}

/** The build-context files a stage copies in (COPY without --from), each source with its destination. */
export function contextCopies(name: string): { source: string; destination: string }[] {
  return stage(name)
    .instructions.filter((i) => i.getKeyword() === 'COPY' && copiedFrom(i) === undefined)
    .flatMap((i) => {
      const args = words(i);
      const destination = args.at(-1)!;
      return args.slice(0, -1).map((source) => ({ source, destination }));
    });
}
