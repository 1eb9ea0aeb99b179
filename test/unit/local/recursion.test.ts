import type { Message } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { checkRecursion, formatLineage, LINEAGE_ATTRIBUTE, lineageOf, RECURSIVE_INVOCATION_LIMIT } from '../../../infra/local/recursion.ts';

/** A received message carrying `lineage` (none: sent outside any queue-started chain). */
function received(id: string, lineage?: string): Message {
  return { MessageId: id, Body: '{}', ...(lineage === undefined ? {} : { MessageAttributes: { [LINEAGE_ATTRIBUTE]: { DataType: 'String', StringValue: lineage } } }) };
}

describe('the lineage a message carries', () => {
  it('is written and read back as the count of invocations of each function', () => {
    const text = formatLineage({ rescoreWorker: 3, intakeWorker: 1 });

    expect(text).toBe('intakeWorker:1|rescoreWorker:3');
    expect(lineageOf(received('m', text))).toEqual({ intakeWorker: 1, rescoreWorker: 3 });
  });

  it('is empty for a message sent outside a chain, and ignores what is not a function and a count', () => {
    expect(lineageOf(received('m'))).toEqual({});
    expect(lineageOf(received('m', 'nobody:3|rescoreWorker:x|notifyWorker:2'))).toEqual({ notifyWorker: 2 });
  });
});

describe('checkRecursion', () => {
  it('is Lambda’s limit of 16 invocations of one function in one chain', () => {
    expect(RECURSIVE_INVOCATION_LIMIT).toBe(16);
  });

  it('admits a message from outside any chain as the function’s first invocation', () => {
    const { admitted, stopped, lineage } = checkRecursion('rescoreWorker', [received('m')]);

    expect(admitted.map((message) => message.MessageId)).toEqual(['m']);
    expect(stopped).toEqual([]);
    expect(lineage).toEqual({ rescoreWorker: 1 });
  });

  it('admits the 16th invocation of a function in a chain and stops the 17th', () => {
    const sixteenth = checkRecursion('rescoreWorker', [received('m', 'rescoreWorker:15')]);
    const seventeenth = checkRecursion('rescoreWorker', [received('m', 'rescoreWorker:16')]);

    expect(sixteenth.lineage).toEqual({ rescoreWorker: 16 });
    expect(sixteenth.stopped).toEqual([]);
    expect(seventeenth.admitted).toEqual([]);
    expect(seventeenth.stopped).toEqual([{ message: received('m', 'rescoreWorker:16'), invocation: 17 }]);
  });

  it('counts each function on its own, as Lambda’s lineage does: a chain through other functions is not a loop of this one', () => {
    const { admitted, lineage } = checkRecursion('notifyWorker', [received('m', 'intakeWorker:16|rescoreWorker:16')]);

    expect(admitted).toHaveLength(1);
    expect(lineage).toEqual({ intakeWorker: 16, rescoreWorker: 16, notifyWorker: 1 });
  });

  it('stops only the messages of a batch past the limit; the invocation carries the longest chain of the rest', () => {
    const { admitted, stopped, lineage } = checkRecursion('intakeWorker', [received('a', 'intakeWorker:2'), received('b', 'intakeWorker:16'), received('c', 'intakeWorker:5|notifyWorker:1')]);

    expect(admitted.map((message) => message.MessageId)).toEqual(['a', 'c']);
    expect(stopped.map(({ message }) => message.MessageId)).toEqual(['b']);
    expect(lineage).toEqual({ intakeWorker: 6, notifyWorker: 1 });
  });
});
