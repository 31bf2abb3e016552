/** A completion round as the API shows it. */
export function presentRound(r: {
  id: string;
  message: string;
  reply_by: string;
  created_at: Date;
  answer: string | null;
  answer_files: { fileId: string; name: string }[];
  answered_at: Date | null;
}) {
  return {
    id: r.id,
    message: r.message,
    replyBy: r.reply_by,
    askedAt: r.created_at.toISOString(),
    answer: r.answer,
    answerFiles: r.answer_files,
    answeredAt: r.answered_at?.toISOString() ?? null,
  };
}
