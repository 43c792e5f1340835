import type { Translation } from '../catalogue.js';
import type { faq as ru } from '../ru/faq.js';

/** <gu-faq-search>: the search box, results, article view and feedback. */
export const faq: Translation<typeof ru> = {
  'faq.label': 'Search for an answer',
  'faq.hint': 'Describe the problem in your own words, for example “no SMS code” or “error 401”',
  'faq.category': 'Section',
  'faq.allCategories': 'All sections',
  'faq.results': 'Search results',
  'faq.found': { one: '{n} article found', other: '{n} articles found' },
  'faq.popular': 'Frequently asked questions',
  'faq.nothing': 'Nothing found for “{query}”',
  'faq.nothingHint': 'Check the spelling or describe the problem in other words.',
  'faq.didYouMean': 'Did you mean',
  'faq.writeToSupport': 'No answer? Write to support',
  'faq.back': 'Back to results',
  'faq.loading': 'Loading help articles…',
  'faq.failed': 'Help articles could not be loaded. Check your internet connection and try again.',
  'faq.retry': 'Try again',
  'faq.offline': 'No internet connection. Searching the saved copy of the help articles.',
  'faq.notFound': 'Article not found: it may have been removed or renamed.',
  'faq.updated': 'Updated {date}',
  'faq.helpful': 'Did this answer help?',
  'faq.yes': 'Yes',
  'faq.no': 'No',
  'faq.comment': 'What was unclear or missing?',
  'faq.commentYes': 'Anything to add?',
  'faq.sendFeedback': 'Send feedback',
  'faq.thanks': 'Thank you for your feedback!',
  'faq.thanksQueued': 'Thank you! Your feedback will be sent when the connection is back.',
  'faq.handoffQuery': 'Searched the help for: “{query}”.',
  'faq.handoffArticle': 'The article “{title}” did not help.',
};
