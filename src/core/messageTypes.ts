import type { MessageType } from './types.ts';

/** Every message type of the core, listed once; the compiler checks that none is missing. */
const MESSAGE_TYPE_SET: Record<MessageType, true> = {
  RequestVote: true,
  RequestVoteReply: true,
  AppendEntries: true,
  AppendEntriesReply: true,
  InstallSnapshot: true,
  InstallSnapshotReply: true,
  ReadIndex: true,
  ReadIndexReply: true,
  ClientRequest: true,
  ClientReply: true,
  TimeoutNow: true,
};

export const MESSAGE_TYPES = Object.keys(MESSAGE_TYPE_SET) as MessageType[];
