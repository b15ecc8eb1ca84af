import { z } from 'zod';
import { DkMentorCourseContentSchema } from './mentor-course-dk';
import { NoMentorCourseContentSchema } from './mentor-course-no';

export * from './mentor-course-dk';
export * from './mentor-course-no';

/** A mentor course: the NO variant (NO pkt 13) or the DK variant (the Danish circular). */
export const MentorCourseContentSchema = z.discriminatedUnion('variant', [
  NoMentorCourseContentSchema,
  DkMentorCourseContentSchema,
]);
export type MentorCourseContent = z.infer<typeof MentorCourseContentSchema>;
