// The capabilities of the platform, in the order their navigation entries and seeds run.
// Adding a module = adding its folder and one line here.
import type { HubModule } from '../platform/context.ts';
import { accountsModule } from './accounts/index.ts';
import { adminModule } from './admin/index.ts';
import { countriesModule } from './countries/index.ts';
import { directoryModule } from './directory/index.ts';
import { eventsModule } from './events/index.ts';
import { forumsModule } from './forums/index.ts';
import { groupsModule } from './groups/index.ts';
import { homeModule } from './home/index.ts';
import { libraryModule } from './library/index.ts';
import { moderationModule } from './moderation/index.ts';
import { networkModule } from './network/index.ts';
import { newsModule } from './news/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { peopleModule } from './people/index.ts';
import { policiesModule } from './policies/index.ts';
import { pressModule } from './press/index.ts';
import { qprModule } from './qpr/index.ts';
import { searchModule } from './search/index.ts';
import { siteModule } from './site/index.ts';
import { skillsModule } from './skills/index.ts';

export const modules: readonly HubModule[] = [
  homeModule,
  accountsModule,
  adminModule,
  searchModule,
  directoryModule,
  peopleModule,
  eventsModule,
  libraryModule,
  policiesModule,
  skillsModule,
  qprModule,
  pressModule,
  newsModule,
  countriesModule,
  groupsModule,
  forumsModule,
  networkModule,
  notificationsModule,
  moderationModule,
  siteModule,
];
