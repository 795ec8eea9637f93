import { describe, expect, it } from 'vitest';
import { documentTexts, inputText, outputText, toMessages } from '../../../../main/importers/formats/message-text';

describe('message text across SDK shapes', () => {
  it('reads OpenAI, Anthropic, Gemini, OTel-parts and LangChain messages', () => {
    expect(toMessages([{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: {} }] }])).toEqual([{ role: 'user', text: 'a\n[image_url]' }]);
    expect(toMessages([{ role: 'user', parts: [{ type: 'text', content: 'b' }] }])).toEqual([{ role: 'user', text: 'b' }]);
    expect(toMessages({ contents: [{ role: 'user', parts: [{ text: 'c' }] }], config: { system_instruction: 'sys' } })).toEqual([{ role: 'system', text: 'sys' }, { role: 'user', text: 'c' }]);
    expect(toMessages([{ type: 'human', content: 'd' }, { type: 'ai', content: 'e' }])).toEqual([{ role: 'user', text: 'd' }, { role: 'assistant', text: 'e' }]);
    expect(toMessages([{ role: 'assistant', content: [{ type: 'tool_use', name: 'search', input: { q: 'x' } }] }])).toEqual([{ role: 'assistant', text: '[tool call] search({"q":"x"})' }]);
  });

  it('takes the last user message as the input', () => {
    expect(inputText([{ role: 'system', content: 's' }, { role: 'user', content: 'first' }, { role: 'assistant', content: 'x' }, { role: 'user', content: 'second' }])).toBe('second');
    expect(inputText({ args: ['What is Langfuse?'] })).toBe('What is Langfuse?');
    expect(inputText('plain')).toBe('plain');
  });

  it('reads the answer out of chat, Responses, Gemini and LangChain outputs', () => {
    expect(outputText({ choices: [{ message: { role: 'assistant', content: 'chat' } }] })).toBe('chat');
    expect(outputText({ object: 'response', output: [{ type: 'message', content: [{ type: 'output_text', text: 'resp' }] }] })).toBe('resp');
    expect(outputText({ candidates: [{ content: { parts: [{ text: 'gem' }], role: 'model' } }] })).toBe('gem');
    expect(outputText({ content: { parts: [{ text: 'adk' }], role: 'model' } })).toBe('adk');
    expect(outputText({ type: 'AIMessageChunk', content: 'lc' })).toBe('lc');
    expect(outputText([{ role: 'assistant', parts: [{ type: 'text', content: 'parts' }], finish_reason: 'stop' }])).toBe('parts');
    expect(outputText({ choices: [{ message: { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] } }] })).toBe('[tool call] f({})');
  });

  it('reads retrieved documents in the common shapes', () => {
    expect(documentTexts([{ pageContent: 'a', metadata: {} }, { page_content: 'b' }, 'c', { document: { content: 'd' } }])).toEqual(['a', 'b', 'c', 'd']);
    expect(documentTexts({ documents: [{ text: 'e' }] })).toEqual(['e']);
  });
});
